import { GestureError } from '../errors';
import { isVideoElement } from './source';

/** What a `CameraLease` tells its owner. */
export interface CameraLeaseHooks {
  /** The camera could not be opened: a `GestureError` with code `camera-failed`. */
  failed(error: GestureError): void;
  /** A number the owner bumps when it starts over; a failure reported under an older one is ignored. Defaults to always `0`. */
  epoch?(): number;
}

/** The camera stream a lease opened, the element it plays in, and the constraints it was opened with. */
interface OpenCamera {
  stream: MediaStream | null;
  video: HTMLVideoElement | null;
  key: string;
}

/**
 * The camera an observer opened with `getUserMedia()` (its `camera` option): it plays into the
 * `source` `<video>`, moves when that element changes, and on `close()` stops only the tracks it
 * opened itself (a `srcObject` the app set is never touched).
 *
 * @example
 * const lease = new CameraLease({ failed: (error) => console.error(error.message) });
 * lease.sync(true, video, true); // getUserMedia({ video: true }) → video.srcObject
 * lease.sync(true, otherVideo, true); // the same stream, moved
 * lease.close(); // its tracks stopped
 */
export class CameraLease {
  private opened: OpenCamera | null = null;
  private error_: Error | null = null;

  constructor(private readonly hooks: CameraLeaseHooks) {}

  /** Why the camera could not be opened, until the camera or its element changes; else `null`. */
  get error(): Error | null {
    return this.error_;
  }

  /**
   * Opens the camera into `source` when `camera` is set, `source` is a `<video>` element and
   * `canOpen` (someone is subscribed); moves an open one when the element changes; closes it when
   * `camera` is turned off, its constraints change, or `source` is no longer a video element.
   */
  sync(camera: boolean | MediaTrackConstraints, source: unknown, canOpen: boolean): void {
    const video = camera !== false && isVideoElement(source) ? source : null;
    const key = JSON.stringify(camera);
    if (this.opened && (!video || this.opened.key !== key)) this.close();
    if (!video) return void (this.error_ = null);
    if (this.opened) return this.move(this.opened, video);
    if (canOpen) this.open(camera, video, key);
  }

  /** Stops the tracks of the camera this lease opened (never one the app attached itself). */
  close(): void {
    this.error_ = null;
    const opened = this.opened;
    this.opened = null;
    if (!opened?.stream) return;
    opened.stream.getTracks().forEach((track) => track.stop());
    if (opened.video?.srcObject === opened.stream) opened.video.srcObject = null;
  }

  /** Same stream, new element: moves it, leaving the old element empty. */
  private move(opened: OpenCamera, video: HTMLVideoElement): void {
    if (opened.video !== video && opened.stream) {
      if (opened.video?.srcObject === opened.stream) opened.video.srcObject = null;
      play(video, opened.stream);
    }
    opened.video = video;
  }

  private open(camera: boolean | MediaTrackConstraints, video: HTMLVideoElement, key: string): void {
    const opened: OpenCamera = { stream: null, video, key };
    this.opened = opened;
    const epoch = this.hooks.epoch?.() ?? 0;
    globalThis.navigator.mediaDevices.getUserMedia({ video: camera, audio: false }).then(
      (stream) => {
        if (this.opened !== opened) return stream.getTracks().forEach((track) => track.stop());
        opened.stream = stream;
        if (opened.video) play(opened.video, stream);
      },
      (cause: unknown) => {
        if (this.opened !== opened || epoch !== (this.hooks.epoch?.() ?? 0)) return;
        this.opened = null;
        const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
        const error = new GestureError('camera-failed', `The camera could not be opened (${message}).`, { constraints: key }, { cause });
        this.error_ = error;
        this.hooks.failed(error);
      },
    );
  }
}

function play(video: HTMLVideoElement, stream: MediaStream): void {
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  // Autoplay refusals surface as a video that shows nothing; frames simply do not arrive.
  try {
    void Promise.resolve(video.play()).catch(() => {});
  } catch {
    // as above
  }
}
