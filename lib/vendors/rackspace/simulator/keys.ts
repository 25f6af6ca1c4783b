// Every agent has a real 2048-bit RSA key pair: the API hands out the public half (`PublicKey`,
// `EncryptionKey`, `PublicKeyMod`) and clients encrypt vault passphrases with it (PKCS#1 v1.5, hex encoded,
// as Rackspace's "Generate your encrypted key" article does). Generating 10,000 keys would take minutes and
// would not be deterministic, so each agent's key is the product of two primes from a fixed pool of 160
// (rsa-primes.json, made once with crypto.generatePrimeSync(1024)): 12,720 distinct moduli, built on first use
// in microseconds, identical for the same seed. Sharing primes between moduli would be fatal for real
// secrets; here it only has to make decryption with the wrong agent's key fail, which it does.
import { createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, constants, type KeyObject } from "node:crypto";
import primeHexes from "./rsa-primes.json";
import { hashInts } from "@/lib/simulator-kit/hash";

const PUBLIC_EXPONENT = 65537n;
/** How the exponent is written: "10001" is 65537 in hex. */
export const EXPONENT_HEX = "10001";
const MODULUS_BYTES = 256;

let primes: bigint[] | null = null;
function primePool(): bigint[] {
  primes ??= primeHexes.map((hex) => BigInt(`0x${hex}`));
  return primes;
}

const PAIR_COUNT = (primeHexes.length * (primeHexes.length - 1)) / 2;
/** Coprime to PAIR_COUNT, so slot → pair is a permutation and agents never share a pair below PAIR_COUNT. */
const PAIR_STRIDE = 7919;

function pairForSlot(slot: number, seed: number): [number, number] {
  let index = (slot * PAIR_STRIDE + (hashInts(seed, 0x5eed) % PAIR_COUNT)) % PAIR_COUNT;
  const size = primeHexes.length;
  for (let i = 0; i < size - 1; i++) {
    const row = size - 1 - i;
    if (index < row) return [i, i + 1 + index];
    index -= row;
  }
  throw new Error("pair index out of range");
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function toBase64Url(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, "hex").toString("base64url");
}

export interface AgentKey {
  /** Lower-case hex, 512 digits. */
  modulusHex: string;
  privateKey(): KeyObject;
}

/** Builds (and caches) the key of one key slot; the private half is only assembled when something is decrypted. */
export class Keyring {
  private readonly keys = new Map<number, AgentKey>();

  constructor(private readonly seed: number) {}

  forSlot(slot: number): AgentKey {
    const cached = this.keys.get(slot);
    if (cached) return cached;
    const [i, j] = pairForSlot(slot, this.seed);
    const pool = primePool();
    const p = pool[i]!;
    const q = pool[j]!;
    const n = p * q;
    let privateKey: KeyObject | null = null;
    const key: AgentKey = {
      modulusHex: n.toString(16),
      privateKey: () => (privateKey ??= buildPrivateKey(p, q, n)),
    };
    this.keys.set(slot, key);
    return key;
  }
}

function buildPrivateKey(p: bigint, q: bigint, n: bigint): KeyObject {
  const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
  const d = modInverse(PUBLIC_EXPONENT, lambda);
  return createPrivateKey({
    format: "jwk",
    key: {
      kty: "RSA",
      n: toBase64Url(n),
      e: toBase64Url(PUBLIC_EXPONENT),
      d: toBase64Url(d),
      p: toBase64Url(p),
      q: toBase64Url(q),
      dp: toBase64Url(d % (p - 1n)),
      dq: toBase64Url(d % (q - 1n)),
      qi: toBase64Url(modInverse(q, p)),
    },
  });
}

/**
 * Decrypts a hex PKCS#1 v1.5 block with the agent's private key; null when it is not hex, has the wrong length,
 * or was not encrypted with this key. Node refuses PKCS#1 v1.5 private decryption since CVE-2023-46809, so the
 * raw RSA operation is done by OpenSSL and the padding is checked here (timing leaks do not matter in a simulator).
 */
export function decryptPassword(key: AgentKey, cipherHex: string): string | null {
  const hex = cipherHex.replace(/\s+/g, "");
  if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== MODULUS_BYTES * 2) return null;
  const cipher = Buffer.from(hex, "hex");
  if (BigInt(`0x${hex}`) >= BigInt(`0x${key.modulusHex}`)) return null;
  const block = privateDecrypt({ key: key.privateKey(), padding: constants.RSA_NO_PADDING }, cipher);
  if (block[0] !== 0x00 || block[1] !== 0x02) return null;
  const separator = block.indexOf(0x00, 2);
  // At least eight non-zero padding bytes precede the separator.
  if (separator < 10) return null;
  const message = block.subarray(separator + 1);
  const text = message.toString("utf8");
  return Buffer.from(text, "utf8").equals(message) ? text : null;
}

/** Reads `ExponentHex` as the API sends it: "10001" or the JSON number 10001, both hex digits. */
function exponentFromWire(exponentHex: string | number): bigint {
  return BigInt(`0x${String(exponentHex).trim()}`);
}

/**
 * What a client does before calling encrypt / changeencryption / a restore of an encrypted vault: RSA-encrypt
 * the passphrase (PKCS#1 v1.5) with the agent's public key and hex-encode it. Exported for the tests and the
 * app's client.
 */
export function encryptPasswordForAgent(
  publicKey: { ModulusHex: string; ExponentHex: string | number },
  passphrase: string,
): string {
  const modulus = BigInt(`0x${publicKey.ModulusHex.replace(/\s+/g, "")}`);
  const key = createPublicKey({
    format: "jwk",
    key: { kty: "RSA", n: toBase64Url(modulus), e: toBase64Url(exponentFromWire(publicKey.ExponentHex)) },
  });
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(passphrase, "utf8")).toString("hex");
}
