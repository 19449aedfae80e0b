// The browser bundle of webtorrent 3 (an ES module with a default export); typed where it is used.
declare module 'webtorrent/dist/webtorrent.min.js' {
  const WebTorrent: unknown;
  export default WebTorrent;
}
