import { parseCnmi, parseCsms } from '../../../src-shared/at/status';
import { AtError, type AtEngine, type AtResponse } from './at-engine';

/** New-message indication settings, best first; modems refuse some, so we fall back (and finally poll). */
const CNMI_SETTINGS = ['2,1,0,2,0', '2,1,0,1,0', '2,1,0,0,0', '1,1,0,0,0'].map((s) => `AT+CNMI=${s}`);

/** What keeping the modem's announcements on needs from the session that owns the modem. */
export interface AnnouncementsHost {
  engine(): AtEngine | null;
  tryAt(command: string): Promise<AtResponse | null>;
  /** Runs `work` with no other session work interleaved. */
  exclusive(work: () => Promise<void>): Promise<void>;
  /** Reads every message memory into the journal. */
  drainAll(): Promise<unknown>;
  warn(e: unknown): void;
}

/**
 * How the modem announces what arrives (AT+CNMI: +CMTI, +CDSI, or +CMT/+CDS handed over directly) and
 * how a direct delivery is answered (AT+CNMA), kept on: a modem that switched its announcements off, or
 * forgot them, would let every later message wait on the SIM unseen until the app restarted.
 */
export class Announcements {
  /**
   * Whether the modem took AT+CSMS=1 (phase 2+): only then does it leave a +CMT/+CDS for us to
   * acknowledge. In phase 2 (<service> 0, what a modem that refuses 1 stays in) it acknowledges each to
   * the network itself as it hands it over, and every AT+CNMA is refused (TS 27.005 §3.4.4: "only when
   * +CSMS parameter <service> equals 1"). oFono acknowledges only then too (drivers/atmodem/sms.c,
   * cnma_enabled); ModemManager never sets <service> and never sends AT+CNMA (mm-broadband-modem.c
   * cds_received).
   */
  private acknowledgedByUs = false;
  /** Whether the modem said which <service> it is in; when it did not, the first refused AT+CNMA says phase 2. */
  private serviceKnown = false;
  /** The AT+CNMI the modem accepted at bring-up (null: it accepted none, and the memories are polled). */
  private setting: string | null = null;
  /** Where the modem then said it announces messages and reports (`AT+CNMI?`). */
  private said: { mt: number; ds: number } | null = null;

  constructor(private readonly host: AnnouncementsHost) {}

  /**
   * At bring-up, before the announcements: phase 2+ when the modem takes it (see `acknowledgedByUs`).
   * When it says neither which service it holds, +CNMA is sent: a modem still in service 1 waits for it,
   * and a phase 2 one refuses it once (then `acknowledge` stops sending it).
   */
  async chooseService(): Promise<void> {
    const service = await this.service();
    this.serviceKnown = service !== null;
    this.acknowledgedByUs = service === null || service === 1;
  }

  /**
   * The <service> the modem is in once asked for 1: 1 when it took it, otherwise the one it says it holds
   * (AT+CSMS?, as oFono reads it). A slow answer, a busy SIM (+CMS ERROR: 314) or a bare ERROR from a modem
   * still starting is no refusal, and a modem brought up again usually still holds the 1 it took before.
   * Null when it says neither.
   */
  private async service(): Promise<number | null> {
    if (await this.host.tryAt('AT+CSMS=1')) return 1;
    const now = await this.host.tryAt('AT+CSMS?');
    return now ? parseCsms(now.lines) : null;
  }

  /** At bring-up: the best setting the modem accepts; false when it accepts none. */
  async choose(): Promise<boolean> {
    this.setting = null;
    for (const command of CNMI_SETTINGS) {
      if (await this.host.tryAt(command)) {
        this.setting = command;
        break;
      }
    }
    this.said = this.setting ? await this.read() : null;
    return this.setting !== null;
  }

  /**
   * `AT+CNMA` takes a direct delivery; `AT+CNMA=2` refuses it (PDU mode: RP-ERROR, the network sends it
   * again). Either one the modem refused (+CMS ERROR: 340, none expected) or never answered came after its
   * wait: TS 27.005 §3.4.1 has it answer the network RP-ERROR and set CNMI's <mt> and <ds> to 0, so the
   * announcements are switched back on and the memories read for what came in meanwhile. True when the
   * modem let go of the delivery: a phase 2 modem already did, and is asked nothing.
   */
  async acknowledge(command: 'AT+CNMA' | 'AT+CNMA=2' = 'AT+CNMA'): Promise<boolean> {
    if (!this.acknowledgedByUs) return true;
    const engine = this.host.engine();
    if (!engine) return false;
    try {
      await engine.run(command, { urgent: true });
      return true;
    } catch (e) {
      if (e instanceof AtError && e.code === 'at.closed') return false;
      // A refusal from a modem that never said its service: phase 2 after all, it acknowledges by itself.
      if (!this.serviceKnown && e instanceof AtError && e.code !== 'at.timeout' && e.code !== 'at.unanswered') this.acknowledgedByUs = false;
      this.restore();
      return false;
    }
  }

  /**
   * Whether the modem no longer announces as it said at bring-up: it restarted without a word (a SIM800
   * with autobauding on says no RDY, SIM800 Series AT Command Manual §2.2.41.1; a Siemens TC63 no
   * ^SYSSTART, its manual's AT+IPR) and forgot every setting, or it switched announcements off.
   */
  async lost(): Promise<boolean> {
    const said = this.said;
    const now = said ? await this.read() : null;
    return said !== null && now !== null && (now.mt !== said.mt || now.ds !== said.ds);
  }

  private restore(): void {
    const { host } = this;
    void host
      .exclusive(async () => {
        if (this.setting) await host.tryAt(this.setting);
        await host.drainAll();
      })
      .catch((e) => host.warn(e));
  }

  private async read(): Promise<{ mt: number; ds: number } | null> {
    const now = await this.host.tryAt('AT+CNMI?');
    return now ? parseCnmi(now.lines) : null;
  }
}
