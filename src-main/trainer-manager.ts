/**
 * Main's side of the trainer: starts the utility process, hands each renderer its own
 * MessageChannelMain to it (training data then flows directly between trainer and
 * renderer), and restarts the trainer when it exits, telling the renderer what happened.
 */
import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import { DEFAULT_TRAINER_CHANNEL, IPC, type TrainerExitInfo } from '../src-engine/protocol/ipc';

export class TrainerManager {
  private child: UtilityProcess | null = null;
  private readonly clients = new Set<WebContents>();
  private stopping = false;

  constructor(private readonly trainerPath: string) {}

  private ensureChild(): UtilityProcess {
    if (this.child) return this.child;
    const child = utilityProcess.fork(this.trainerPath, [], { serviceName: 'LayerLab Trainer', stdio: 'inherit' });
    child.on('exit', (code) => {
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      const info: TrainerExitInfo = {
        code,
        reason: code === 0 ? 'The trainer stopped.' : `The trainer process exited unexpectedly (code ${code}).`,
      };
      for (const contents of this.clients) {
        if (!contents.isDestroyed()) contents.send(IPC.trainerExit, info);
      }
    });
    this.child = child;
    return child;
  }

  /** Creates a channel, gives one end to the trainer and the other to `contents`. */
  connect(contents: WebContents, channel: string = DEFAULT_TRAINER_CHANNEL): void {
    const child = this.ensureChild();
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage({ type: 'connect' }, [port1]);
    contents.postMessage(IPC.trainerPort, { channel }, [port2]);
    if (!this.clients.has(contents)) {
      this.clients.add(contents);
      contents.once('destroyed', () => this.clients.delete(contents));
    }
  }

  /** Stops the trainer for good (app quit). */
  dispose(): void {
    this.stopping = true;
    this.child?.kill();
    this.child = null;
  }
}
