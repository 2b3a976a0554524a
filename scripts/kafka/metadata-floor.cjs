// npm run bench:kafka's floor: what any Node program pays to list a service's topics, with nothing of
// the CLI. Node starts, reads the CA, certificate and key, opens one TLS connection, sends one Metadata
// request (v4, all topics) and reads its answer whole, then exits. Not a client: a reference figure.
// Usage: node metadata-floor.cjs HOST:PORT CA CERT KEY
const { readFileSync } = require("node:fs");
const tls = require("node:tls");

const [address, ca, cert, key] = process.argv.slice(2);
const at = address.lastIndexOf(":");
const CLIENT = Buffer.from("floor");
// request header v1 (api key 3 Metadata, version 4, correlation id 1, client id) and body: all topics
// (a null array), no topic creation
const body = Buffer.alloc(2 + 2 + 4 + 2 + CLIENT.length + 4 + 1);
let o = body.writeInt16BE(3, 0);
o = body.writeInt16BE(4, o);
o = body.writeInt32BE(1, o);
o = body.writeInt16BE(CLIENT.length, o);
o += CLIENT.copy(body, o);
o = body.writeInt32BE(-1, o);
body.writeInt8(0, o);
const size = Buffer.alloc(4);
size.writeInt32BE(body.length);

const socket = tls.connect({ host: address.slice(0, at), port: Number(address.slice(at + 1)), ca: readFileSync(ca), cert: readFileSync(cert), key: readFileSync(key) }, () =>
  socket.write(Buffer.concat([size, body])),
);
let received = Buffer.alloc(0);
socket.on("data", (chunk) => {
  received = Buffer.concat([received, chunk]);
  if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
    // the answer's correlation id: this request's
    if (received.readInt32BE(4) !== 1) process.exit(2);
    socket.end();
    process.exit(0);
  }
});
socket.on("error", (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
