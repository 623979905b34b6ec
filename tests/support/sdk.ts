/** The AWS SDK v3 Cognito client pointed at the emulator, as a developer's back end points it. */
import {
  type AttributeType,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

/** An SDK client for the emulator at `endpoint`, with dummy credentials and no retries. */
export function sdkClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** The value of the attribute `name` in an SDK answer's attribute list. */
export function attributeOf(
  attributes: readonly AttributeType[] | undefined,
  name: string,
): string | undefined {
  return attributes?.find((attribute) => attribute.Name === name)?.Value;
}
