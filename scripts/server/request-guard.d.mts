// Types for request-guard.mjs (plain JavaScript, run by node without a build), for the tests that import it.
import type { IncomingMessage, ServerResponse } from "node:http";

export declare const PROOF_HEADER: string;
export type Trust = (address: string, hop: number) => boolean;
export declare function compileTrust(setting: string | undefined): Trust;
export declare function forwardedInfo(req: IncomingMessage, trust: Trust): { address: string | undefined; proto: "http" | "https"; host: string | undefined };
export declare function guardRequest(req: IncomingMessage, res: ServerResponse, options: { trust: Trust; proof: string }): boolean;
