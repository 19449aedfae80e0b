import { freePort } from '@wetube/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX_BIN = process.env.NGINX_PATH || '/usr/sbin/nginx';

export interface NginxHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Debian nginx as a child process (`daemon off;`), with its own prefix folder, config, pid file and
 * logs in a temp folder, on a free port of 127.0.0.1. Serves `dir` at `/hls/<videoId>/` as a static
 * HLS origin would be configured: sendfile, keep-alive, HLS types, the same Cache-Control.
 */
export async function startNginx(videoId: string, dir: string): Promise<NginxHandle> {
  const prefix = await mkdtemp(join(tmpdir(), 'wetube-nginx-'));
  await mkdir(join(prefix, 'logs'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const conf = `
${asRoot ? 'user root root;' : ''}
daemon off;
master_process on;
worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 4096; }
http {
  # Both sides log each request (ours: ORIGIN_ACCESS_LOG, JSON lines, buffered), as a real origin does.
  log_format wetube escape=json '{"time":"$time_iso8601","ip":"$remote_addr","method":"$request_method","path":"$uri","status":$status,"bytes":$body_bytes_sent,"ms":$request_time}';
  access_log ${prefix}/logs/access.log wetube buffer=64k flush=1s;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  types {
    application/vnd.apple.mpegurl m3u8;
    video/iso.segment m4s;
    video/mp4 mp4;
    image/jpeg jpg;
    text/vtt vtt;
  }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${port};
    location /hls/${videoId}/ {
      alias ${dir}/;
      add_header Cache-Control "public, max-age=31536000, immutable";
    }
  }
}
`;
  const confPath = join(prefix, 'nginx.conf');
  await writeFile(confPath, conf);
  const child: ChildProcess = spawn(NGINX_BIN, ['-p', prefix, '-c', confPath, '-e', join(prefix, 'logs', 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Wait until it answers.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
    try {
      const r = await fetch(`${url}/`);
      await r.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`nginx did not start: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    port,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGQUIT'); // graceful: master stops its workers
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
