/**
 * Types for the parts of amazon-cognito-identity-js its own typings leave out, which the
 * BigInteger shim's tests compare against: its jsbn module, and the SRP helper it exports.
 */
declare module 'amazon-cognito-identity-js/es/BigInteger.js' {
  export default class Jsbn {
    static readonly ZERO: Jsbn;
    static readonly ONE: Jsbn;
    constructor(text: string, radix: number);
    toString(radix: number): string;
    abs(): Jsbn;
    compareTo(other: Jsbn): number;
    equals(other: Jsbn): boolean;
    add(other: Jsbn): Jsbn;
    subtract(other: Jsbn): Jsbn;
    multiply(other: Jsbn): Jsbn;
    mod(m: Jsbn): Jsbn;
    modPow(e: Jsbn, m: Jsbn, callback: (error: Error | null, result: Jsbn) => void): Jsbn;
  }
}

declare module 'amazon-cognito-identity-js' {
  /** The library's SRP helper; `N` and `padHex` are what the shim's tests read. */
  export class AuthenticationHelper {
    constructor(poolName: string);
    N: unknown;
    padHex(value: unknown): string;
  }
}
