import { WebSocket } from 'ws';

/**
 * How much one WebSocket connection may make the server hold. Replies are built in full before
 * they are sent, and whatever the client does not read waits in the server's memory, so a
 * client that asks for a large document over and over without reading the answers would
 * otherwise grow the server without bound.
 */
export interface FlowLimits {
  /** Requests answered at once; later ones wait their turn, in order. */
  maxConcurrentRequests: number;
  /** With more than this waiting to be sent, no request is started and the socket is not read. */
  pauseAboveBytes: number;
  /** ...until what waits has gone down to this. */
  resumeAtBytes: number;
  /** Past this the client is not reading what it is sent (events go on): it is dropped. */
  dropAboveBytes: number;
  /** Requests received and not started yet, past which the client is dropped. */
  maxWaitingRequests: number;
}

const MIB = 1024 * 1024;

/**
 * The largest reply (a document at the contract's caps) is about 13 MB of Latin text, so eight
 * at once over the pause mark stay under the drop mark: only a client that reads nothing while
 * events keep coming reaches it. The renderer itself has a few requests out at a time.
 */
export const DEFAULT_FLOW_LIMITS: FlowLimits = {
  maxConcurrentRequests: 8,
  pauseAboveBytes: 16 * MIB,
  resumeAtBytes: 4 * MIB,
  dropAboveBytes: 128 * MIB,
  maxWaitingRequests: 1000,
};

/** What one connection holds now, for tests and diagnostics. */
export interface FlowStats {
  /** Bytes sent to the socket that the client has not taken yet (ws's bufferedAmount). */
  bufferedBytes: number;
  /** The most that ever waited at once on this connection. */
  highestBufferedBytes: number;
  /** Requests started on this connection so far (each has been or is being answered). */
  requestsStarted: number;
  requestsInFlight: number;
  waitingRequests: number;
  readingPaused: boolean;
}

/**
 * Flow control for one connection: requests are started in order, a few at a time, and only
 * while the client keeps up with what it is sent; while it does not, its socket is not read, so
 * further requests stay in its own buffers and the kernel's. Every frame out goes through send().
 */
export class ConnectionFlow {
  private readonly waiting: (() => Promise<void>)[] = [];
  private inFlight = 0;
  private started = 0;
  private congested = false;
  private readingPaused = false;
  private highestBuffered = 0;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: FlowLimits,
    private readonly onDrop: (reason: string) => void,
  ) {
    ws.once('close', () => this.close());
  }

  /** A request to answer in its turn; `answer` must not reject. */
  enqueue(answer: () => Promise<void>): void {
    if (this.closed) return;
    if (this.waiting.length >= this.limits.maxWaitingRequests) {
      this.drop(`more than ${this.limits.maxWaitingRequests} requests waiting`);
      return;
    }
    this.waiting.push(answer);
    this.pump();
  }

  /** Sends one frame (a reply or an event); a client that has stopped reading is dropped. */
  send(text: string): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    // Called once the frame has gone to the kernel: the moment to look whether it has drained.
    this.ws.send(text, (error) => {
      if (!error) this.sent();
    });
    const buffered = this.ws.bufferedAmount;
    this.highestBuffered = Math.max(this.highestBuffered, buffered);
    if (buffered > this.limits.dropAboveBytes) {
      this.drop(`${buffered} bytes unread`);
      return;
    }
    if (buffered > this.limits.pauseAboveBytes) {
      this.congested = true;
      this.pump();
    }
  }

  stats(): FlowStats {
    return {
      bufferedBytes: this.closed ? 0 : this.ws.bufferedAmount,
      highestBufferedBytes: this.highestBuffered,
      requestsStarted: this.started,
      requestsInFlight: this.inFlight,
      waitingRequests: this.waiting.length,
      readingPaused: this.readingPaused,
    };
  }

  private sent(): void {
    if (this.congested && this.ws.bufferedAmount <= this.limits.resumeAtBytes) {
      this.congested = false;
      this.pump();
    }
  }

  private pump(): void {
    while (
      !this.closed &&
      !this.congested &&
      this.inFlight < this.limits.maxConcurrentRequests &&
      this.waiting.length > 0
    ) {
      const answer = this.waiting.shift() as () => Promise<void>;
      this.inFlight += 1;
      this.started += 1;
      const done = (): void => {
        this.inFlight -= 1;
        this.pump();
      };
      void answer().then(done, done);
    }
    // While requests wait, reading more of them would only make the queue longer.
    this.setReading(!this.closed && !this.congested && this.waiting.length === 0);
  }

  private setReading(reading: boolean): void {
    if (reading === !this.readingPaused || this.ws.readyState !== WebSocket.OPEN) return;
    this.readingPaused = !reading;
    if (reading) this.ws.resume();
    else this.ws.pause();
  }

  private drop(reason: string): void {
    if (this.closed) return;
    this.onDrop(reason);
    this.close();
    // terminate() destroys the socket at once: what waited to be sent is let go with it.
    this.ws.terminate();
  }

  private close(): void {
    this.closed = true;
    this.congested = false;
    // Requests not started are dropped with their connection: nobody is left to answer.
    this.waiting.length = 0;
  }
}
