/** English texts for the ride page: map, pickup, the unicorn’s story, the ride API’s errors and the two-step sign-in panel. */
export const enRide = {
  'ride.checking': 'Checking your sign-in…',
  'ride.greeting': 'Hello, {name}!',
  'ride.account': 'Account',
  'ride.signOut': 'Sign out',
  'ride.signOutEverywhere': 'Sign out everywhere',
  'ride.mapRegion': 'Pickup map',
  'ride.mapHelp':
    'Click the map to set your pickup point. With a keyboard: Tab to the map, move it with the arrow keys (+ and − zoom), then press Enter to put the pickup at the centre cross.',
  'ride.zoomIn': 'Zoom in',
  'ride.zoomOut': 'Zoom out',
  'ride.pickCentre': 'Use map centre as pickup',
  'ride.tilesOffline': 'The map can’t load right now. You can still click it to set your pickup.',
  'ride.retryTiles': 'Try again',
  'ride.noPickup': 'No pickup point yet: click the map to set one.',
  'ride.pickup': 'Pickup point: {latitude}, {longitude}',
  'ride.pickupAt': 'Pickup point: {place} ({latitude}, {longitude})',
  'ride.place.downtown': 'Downtown Seattle',
  'ride.place.belltown': 'Belltown',
  'ride.place.pioneerSquare': 'Pioneer Square',
  'ride.place.internationalDistrict': 'International District',
  'ride.place.firstHill': 'First Hill',
  'ride.place.capitolHill': 'Capitol Hill',
  'ride.place.southLakeUnion': 'South Lake Union',
  'ride.place.queenAnne': 'Queen Anne',
  'ride.place.fremont': 'Fremont',
  'ride.place.ballard': 'Ballard',
  'ride.requestUnicorn': 'Request Unicorn',
  'ride.unicornComing': 'Unicorn on the way',
  'ride.onWay.male': '{name}, your {color} unicorn, is on his way.',
  'ride.onWay.female': '{name}, your {color} unicorn, is on her way.',
  'ride.onWay.other': '{name}, your {color} unicorn, is on the way.',
  'ride.arrived': '{name} has arrived. Giddy up!',
  'ride.complete': 'Ride complete',
  'ride.requestAnother': 'Request another unicorn',
  'ride.color.Golden': 'Golden',
  'ride.color.White': 'White',
  'ride.color.Yellow': 'Yellow',
  'ride.apiMissingRequest':
    'No unicorn can come yet: the ride API is not configured (VITE_API_INVOKE_URL). Your pickup point is kept.',
  'ride.signInAgain': 'Sign in again',
  'ride.error.SessionExpired': 'Your session has expired. Sign in again to request a unicorn.',
  'ride.error.Network': 'Could not reach the ride service. Check your connection and try again.',
  'ride.error.Server':
    'The ride service had a problem, so no unicorn is coming. Try again in a moment.',
  'ride.error.unreadable':
    'The ride service sent an answer this page cannot read. Try again in a moment.',
  'ride.error.BadRequest':
    'The ride service did not accept this pickup point. Pick another spot and try again.',
  'ride.error.Forbidden':
    'You are signed in, but this account may not request unicorns. Ask whoever runs this Wild Rydes to add you to the riders’ group.',
  'ride.updatesHeading': 'Ride updates',
  'ride.updatesEmpty':
    'When you request a unicorn, who is coming and when they arrive will show here.',
  'ride.apiMissing':
    'The ride API is not configured yet (set VITE_API_INVOKE_URL). You are signed in: to test an API authorizer, copy your ID token.',
  'ride.copyToken': 'Copy ID token',
  'ride.tokenCopied': 'The ID token is on your clipboard.',
  'ride.copyFailed': 'The browser did not allow copying to the clipboard.',
  'twoStep.close': 'Close',
  'twoStep.checking': 'Checking whether two-step sign-in is on…',
  'twoStep.isOff':
    'Two-step sign-in is off. To turn it on, add Wild Rydes to an authenticator app.',
  'twoStep.isOn':
    'Two-step sign-in is on: after your password, signing in asks for the code from your authenticator app.',
  'twoStep.turnOn': 'Turn on',
  'twoStep.turningOn': 'Turning on…',
  'twoStep.turnOff': 'Turn off two-step sign-in',
  'twoStep.turningOff': 'Turning off…',
  'twoStep.turnedOn':
    'Two-step sign-in is on. Keep your authenticator app at hand when you sign in.',
  'twoStep.signInAgain':
    'Your sign-in has ended (perhaps you signed out on every device). Sign in again to change two-step sign-in.',
  'twoStep.turnedOff': 'Two-step sign-in is off: signing in asks for your password only.',
} as const satisfies Readonly<Record<string, string>>;
