import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

/**
 * One STUN Binding request (RFC 5389) over UDP; resolves with the XOR-MAPPED-ADDRESS the server saw
 * (`address:port`), or rejects after `timeoutMs`. Used to tell when coturn is up, and what address a
 * host behind a NAT gets.
 */
export function stunBinding(host: string, port: number, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = createSocket('udp4');
    const tx = randomBytes(12);
    const req = Buffer.alloc(20);
    req.writeUInt16BE(0x0001, 0);
    req.writeUInt16BE(0, 2);
    req.writeUInt32BE(0x2112a442, 4);
    tx.copy(req, 8);
    const done = (err: Error | null, value?: string) => {
      clearTimeout(t);
      sock.close();
      if (err) reject(err);
      else resolve(value!);
    };
    const t = setTimeout(() => done(new Error(`no STUN answer from ${host}:${port} in ${timeoutMs} ms`)), timeoutMs);
    sock.on('error', (e) => done(e));
    sock.on('message', (msg) => {
      if (msg.length < 20 || msg.readUInt16BE(0) !== 0x0101 || !msg.subarray(8, 20).equals(tx)) return;
      for (let i = 20; i + 4 <= msg.length; ) {
        const type = msg.readUInt16BE(i);
        const len = msg.readUInt16BE(i + 2);
        if (type === 0x0020 && len >= 8) {
          const p = msg.readUInt16BE(i + 6) ^ 0x2112;
          const a = [0, 1, 2, 3].map((k) => msg[i + 8 + k] ^ [0x21, 0x12, 0xa4, 0x42][k]).join('.');
          return done(null, `${a}:${p}`);
        }
        i += 4 + len + ((4 - (len % 4)) % 4);
      }
      done(new Error('STUN answer without XOR-MAPPED-ADDRESS'));
    });
    sock.send(req, port, host);
  });
}
