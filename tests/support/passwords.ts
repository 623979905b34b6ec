/** Passwords for tests. */

/**
 * A password the default pool policy accepts (upper and lower case, a digit, a symbol), for any
 * test that needs a valid one; a test about two passwords names its second one after its role.
 */
export const PASSWORD = 'Giddy-Up-42';
