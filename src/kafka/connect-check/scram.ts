// The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as Kafka speaks it: no channel binding, and the
// password used as its UTF-8 bytes (Kafka applies no SASLprep).
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const saslName = (name: string) => name.replace(/=/g, "=3D").replace(/,/g, "=2C");

function attributes(message: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of message.split(",")) {
    const eq = part.indexOf("=");
    if (eq === 1) map.set(part[0]!, part.slice(2));
  }
  return map;
}

export class ScramError extends Error {}

export class ScramClient {
  private readonly clientFirstBare: string;
  private serverSignature?: Buffer;

  constructor(
    username: string,
    private readonly password: string,
    private readonly nonce: string = randomBytes(18).toString("base64"),
  ) {
    this.clientFirstBare = `n=${saslName(username)},r=${nonce}`;
  }

  first(): string {
    return `n,,${this.clientFirstBare}`;
  }

  /** The client-final message for the server-first message; refuses a server that does not extend our nonce. */
  final(serverFirst: string): string {
    const server = attributes(serverFirst);
    const nonce = server.get("r") ?? "";
    const salt = Buffer.from(server.get("s") ?? "", "base64");
    const iterations = Number(server.get("i"));
    if (!nonce.startsWith(this.nonce) || nonce === this.nonce) throw new ScramError("the server's nonce does not extend the client's");
    if (salt.length === 0 || !Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) throw new ScramError("the server sent no usable salt or iteration count");
    const salted = pbkdf2Sync(Buffer.from(this.password, "utf8"), salt, iterations, 32, "sha256");
    const clientKey = hmac(salted, "Client Key");
    const withoutProof = `c=biws,r=${nonce}`;
    const authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const signature = hmac(createHash("sha256").update(clientKey).digest(), authMessage);
    const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]!));
    this.serverSignature = hmac(hmac(salted, "Server Key"), authMessage);
    return `${withoutProof},p=${proof.toString("base64")}`;
  }

  /** Whether the server-final message proves the server knew the password too. */
  verify(serverFinal: string): boolean {
    const v = attributes(serverFinal).get("v");
    if (!v || !this.serverSignature) return false;
    const got = Buffer.from(v, "base64");
    return got.length === this.serverSignature.length && timingSafeEqual(got, this.serverSignature);
  }
}
