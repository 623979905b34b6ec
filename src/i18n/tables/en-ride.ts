/** English texts for the ride page: map, pickup, the unicorn’s story and the ride API’s errors. */
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
  'ride.tilesOffline': 'Map tiles are offline; picking still works.',
  'ride.noPickup': 'No pickup point yet.',
  'ride.pickup': 'Pickup point: {latitude}, {longitude}',
  'ride.setPickup': 'Set Pickup',
  'ride.requestUnicorn': 'Request Unicorn',
  'ride.unicornComing': 'Unicorn on the way',
  'ride.onWay.male': '{name}, your {color} unicorn, is on his way.',
  'ride.onWay.female': '{name}, your {color} unicorn, is on her way.',
  'ride.onWay.other': '{name}, your {color} unicorn, is on the way.',
  'ride.arrived': '{name} has arrived. Giddy up!',
  'ride.color.Golden': 'Golden',
  'ride.color.White': 'White',
  'ride.color.Yellow': 'Yellow',
  'ride.apiMissingRequest':
    'No unicorn can come yet: the ride API is not configured (VITE_API_INVOKE_URL). Your pickup point is kept.',
  'ride.signInAgain': 'Sign in again',
  'ride.error.SessionExpired': 'Your session has expired. Sign in again to request a unicorn.',
  'ride.error.Network': 'Could not reach the ride service. Check your connection and try again.',
  'ride.error.Server':
    'The ride service had a problem (HTTP {status}), so no unicorn is coming. Try again in a moment.',
  'ride.error.unreadable':
    'The ride service sent an answer this page cannot read. Try again in a moment.',
  'ride.error.BadRequest':
    'The ride service did not accept this pickup point. Pick another spot and try again.',
  'ride.error.Forbidden':
    'You are signed in, but this account may not request unicorns. Ask whoever runs this Wild Rydes to add you to the riders’ group.',
  'ride.updatesHeading': 'Ride updates',
  'ride.apiMissing':
    'The ride API is not configured yet (set VITE_API_INVOKE_URL). You are signed in: to test an API authorizer, copy your ID token.',
  'ride.copyToken': 'Copy ID token',
  'ride.tokenCopied': 'The ID token is on your clipboard.',
  'ride.copyFailed': 'The browser did not allow copying to the clipboard.',
} as const satisfies Readonly<Record<string, string>>;
