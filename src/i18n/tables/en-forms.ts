/** English texts for the register, verify and sign-in forms, and every error message. */
export const enForms = {
  'register.heading': 'Register',
  'register.lead': 'Create your account to request a unicorn.',
  'register.password2': 'Confirm password',
  'register.submit': 'Let’s Ryde',
  'register.haveAccount': 'Already registered?',
  'register.rulesHeading': 'Your password needs',
  'register.mismatch': 'The passwords do not match.',
  'register.creating': 'Creating account…',
  'rules.length': 'at least 8 characters',
  'rules.upper': 'an uppercase letter (A–Z)',
  'rules.lower': 'a lowercase letter (a–z)',
  'rules.digit': 'a number (0–9)',
  'rules.symbol': 'a symbol, such as ! @ # $',
  'rules.met': 'met',
  'rules.unmet': 'not met yet',
  'form.emailRequired': 'Enter your email address.',
  'form.emailInvalid': 'Enter an email address like name@example.com.',
  'form.passwordRequired': 'Enter your password.',
  'form.passwordUnmet': 'The password does not meet every rule yet: see the list below it.',
  'form.confirmRequired': 'Type the password again to confirm it.',
  'form.passwordsMatch': 'The passwords match.',
  'password.edgeSpace': 'A password cannot start or end with a space.',
  'password.tooLong': 'A password can have at most 256 characters.',
  'form.codeRequired': 'Enter the code from the email.',
  'form.codeLength': 'Enter all 6 digits of the code.',
  'form.codeDigitsOnly': 'The code has digits only (0–9).',
  'verify.heading': 'Confirm your email',
  'verify.lead': 'We emailed you a 6-digit code. Enter it to confirm your address.',
  'verify.submit': 'Verify',
  'verify.confirming': 'Confirming…',
  'verify.sentTo': 'We sent a code to {destination}.',
  'code.resentAt': 'New code sent to {destination} at {time}.',
  'code.resendIn': 'Send a new code in {seconds} s',
  'code.sending': 'Sending code…',
  'verify.unconfirmed':
    'Your email address is not confirmed yet. Enter the code from your email, or send a new one.',
  'verify.devHint':
    'Local emulator: codes are printed in the terminal running npm run dev, and listed in the mailbox.',
  'verify.devMailbox': 'Open the mailbox',
  'verify.noAccount': 'Need an account?',
  'signin.heading': 'Sign in',
  'signin.lead': 'Welcome back, rider.',
  'signin.forgot': 'Forgot password?',
  'signin.noAccount': 'New to Wild Rydes?',
  'signin.signingIn': 'Signing in…',
  'signin.verified': 'Your email is confirmed. Sign in to ryde.',
  'signin.passwordChanged': 'Your password has been changed. Sign in with the new one.',
  'hosted.or': 'or',
  'hosted.google': 'Continue with Google',
  'hosted.managed': 'Use hosted sign-in',
  'hosted.opening': 'Opening sign-in…',
  'hosted.startFailed': 'Hosted sign-in could not start. Check your connection and try again.',
  'forgot.heading': 'Reset your password',
  'forgot.lead': 'We will email you a code to set a new password.',
  'forgot.submit': 'Send code',
  'forgot.back': 'Back to sign in',
  'reset.newPassword': 'New password',
  'reset.submit': 'Set new password',
  'reset.password2': 'Confirm new password',
  'reset.saving': 'Saving password…',
  'twoStep.heading': 'Two-step sign-in',
  'twoStep.scan':
    'Scan the QR code with an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password), or type the key into it.',
  'twoStep.qrLabel': 'QR code that adds Wild Rydes ({email}) to an authenticator app',
  'twoStep.keyLabel': 'Key',
  'twoStep.copyKey': 'Copy key',
  'twoStep.keyCopied': 'The key is on your clipboard.',
  'twoStep.copyFailed':
    'The browser did not allow copying the key. Select it and copy it yourself.',
  'twoStep.codeLabel': 'Code from the app',
  'twoStep.codeHint': '6 digits; the app shows a new one every 30 seconds',
  'twoStep.codeRequired': 'Enter the code from your authenticator app.',
  'twoStep.wrongCode':
    'That code is not right, or it was used already. Enter the code your authenticator app shows now.',
  'twoStep.signinLead': 'Enter the 6-digit code your authenticator app shows for Wild Rydes.',
  'twoStep.setupLead':
    'This Wild Rydes asks every rider for a second step. Add it to an authenticator app, then enter the code the app shows.',
  'emailCode.button': 'Email me a code',
  'emailCode.sending': 'Sending code…',
  'emailCode.heading': 'Check your email',
  'emailCode.lead': 'Enter the sign-in code we emailed you. It works for 3 minutes.',
  'emailCode.codeLabel': 'Sign-in code',
  'emailCode.codeHint': '8 digits, from the email',
  'emailCode.codeLength': 'Enter all 8 digits of the code.',
  'emailCode.submit': 'Sign in',
  'emailCode.signingIn': 'Signing in…',
  'emailCode.ended':
    'That sign-in code can no longer be used (too many tries, or it expired). Ask for a new code.',
  'twoStep.verify': 'Verify',
  'twoStep.verifying': 'Checking the code…',
  'twoStep.sessionExpired':
    'The sign-in waited too long for the code. Enter your password again, then a new code.',
  'error.network': 'Could not reach the sign-in service. Check your connection and try again.',
  'error.UsernameExistsException':
    'An account with this email already exists. Sign in, or confirm it if you have not yet.',
  'error.InvalidPasswordException':
    'The password does not meet the rules: at least 8 characters, with upper- and lowercase letters, a number and a symbol.',
  'error.passwordLength': 'The password is too short.',
  'error.passwordUpper': 'The password needs an uppercase letter.',
  'error.passwordLower': 'The password needs a lowercase letter.',
  'error.passwordDigit': 'The password needs a number.',
  'error.passwordSymbol': 'The password needs a symbol, such as ! @ # $.',
  'error.InvalidParameterException':
    'Something you entered is not valid. Check the email address and the other fields.',
  'error.invalidEmail': 'That email address is not valid.',
  'error.noVerifiedEmail':
    'This account has no confirmed email address, so no reset code can be sent. Confirm the email first.',
  'error.srpNotEnabled':
    'The app client does not allow SRP sign-in (ALLOW_USER_SRP_AUTH). Enable it in the user pool’s app client settings.',
  'error.CodeMismatchException':
    'That code is not right. Check the email and try again, or send a new code.',
  'error.ExpiredCodeException':
    'That code has expired or was already used. Send a new code and try again.',
  'error.NotAuthorizedException': 'Incorrect email or password.',
  'error.attemptsExceeded':
    'Too many wrong passwords. Wait a moment before trying again, or reset your password.',
  'error.alreadyConfirmed': 'This account is already confirmed. You can sign in.',
  'error.clientSecret':
    'The app client has a client secret, which a browser app cannot use (“Unable to verify secret hash”). Create an app client without a secret and configure its id.',
  'error.userDisabled': 'This account has been disabled.',
  'error.UserNotConfirmedException': 'Your email address is not confirmed yet.',
  'error.UserNotFoundException': 'There is no account with this email. Check it, or register.',
  'error.LimitExceededException': 'Too many attempts. Please wait a while before trying again.',
  'error.TooManyRequestsException':
    'Too many requests right now. Wait a few seconds and try again.',
  'error.TooManyFailedAttemptsException': 'Too many wrong codes. Send a new code and try again.',
  'error.CodeDeliveryFailureException':
    'The code email could not be sent. Check the address and try again later.',
  'error.ResourceNotFoundException':
    'The configured user pool or app client does not exist. Check VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_USER_POOL_CLIENT_ID.',
  'error.InternalErrorException': 'The sign-in service had an internal problem. Please try again.',
  'error.PasswordResetRequiredException':
    'You need to reset your password: use “Forgot password?”.',
  'error.UserLambdaValidationException': 'The user pool’s validation rules refused this request.',
  'error.InvalidUserPoolConfigurationException':
    'The user pool is not set up for this (for example, sending email). Check its settings.',
  'error.ForbiddenException': 'The request was blocked by the user pool’s firewall.',
  'error.UnsupportedChallenge':
    'This account needs a sign-in step this site does not offer (such as MFA or a new password).',
  'error.EmailCodeUnavailable':
    'We cannot email a sign-in code to this account. Sign in with your password.',
  'error.userAuthNotEnabled':
    'The app client does not allow choice-based sign-in (ALLOW_USER_AUTH). Enable it in the user pool’s app client settings.',
  'error.UnknownError': 'Something went wrong. Please try again.',
  'passkeys.signIn': 'Sign in with a passkey',
  'passkeys.signingIn': 'Waiting for your passkey…',
  'passkeys.cancelled':
    'The passkey request was cancelled or timed out. You can try again when you are ready.',
  'passkeys.alreadyRegistered': 'This device already has a passkey for this account.',
  'passkeys.noPasskey':
    'This account has no passkey yet. Sign in with your password, then add one from the account menu.',
  'passkeys.refused':
    'The browser could not use a passkey here. Passkeys work on https sites and on localhost, not on an IP address such as 127.0.0.1.',
  'passkeys.notAccepted':
    'That passkey was not accepted. Try again, or sign in with your password.',
  'passkeys.notEnabled': 'Passkeys are not turned on for this user pool.',
  'passkeys.wrongSite':
    'This passkey is for another site address (relying party). Open Wild Rydes at the address its passkeys are made for.',
  'passkeys.expired': 'The passkey request took too long. Please try again.',
} as const satisfies Readonly<Record<string, string>>;
