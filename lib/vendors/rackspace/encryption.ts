// Vault passphrases never travel in clear: Cloud Backup expects them RSA-encrypted with the agent's (or the
// restore's) public key, PKCS#1 v1.5, hex encoded, as Rackspace's "Generate your encrypted key in Cloud Backup"
// article does. The key arrives as ModulusHex / ExponentHex.
import { constants, createPublicKey, publicEncrypt } from "node:crypto";
import { VendorError } from "@/lib/vendors/errors";
import type { RackspacePublicKey } from "./schemas";

function hexToBase64Url(hex: string): string {
  const digits = hex.replace(/^0+(?=.)/, "");
  return Buffer.from(digits.length % 2 ? `0${digits}` : digits, "hex").toString("base64url");
}

/** `ExponentHex` arrives as "10001" or as the JSON number 10001: hex digits either way. */
function readHex(value: string | number, field: string): string {
  const hex = String(value).replace(/\s+/g, "");
  if (!/^[0-9a-f]+$/i.test(hex)) throw new VendorError("rackspace", "bad_response", `the agent's public key has an invalid ${field}`);
  return hex;
}

/** The passphrase, RSA PKCS#1 v1.5-encrypted with the given public key, as lower-case hex. */
export function encryptVaultPassword(publicKey: RackspacePublicKey, passphrase: string): string {
  const key = createPublicKey({
    format: "jwk",
    key: {
      kty: "RSA",
      n: hexToBase64Url(readHex(publicKey.ModulusHex, "ModulusHex")),
      e: hexToBase64Url(readHex(publicKey.ExponentHex, "ExponentHex")),
    },
  });
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(passphrase, "utf8")).toString("hex");
}
