// The part of pngjs (a dependency of qrcode, pinned in package.json) that `phieukin paper read` uses.
declare module 'pngjs' {
  export class PNG {
    width: number;
    height: number;
    data: Buffer;
    constructor(options: { width: number; height: number });
    static sync: { read(buffer: Buffer): PNG; write(png: PNG): Buffer };
  }
}
