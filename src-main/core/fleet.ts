import { join } from 'node:path';
import type { MqttSettings, MqttSettingsView, SimLabel } from '../../src-shared/api/contract';
import { SimBoard } from '../services/fleet/sim-board';
import { SimLabels } from '../services/fleet/sim-labels';
import { MqttLink, type MqttStatus } from '../services/mqtt/mqtt-link';
import { MqttSettingsFile, type StoredMqttSettings } from '../services/mqtt/mqtt-settings';

export interface FleetDeps {
  dataDir: string;
  /** The catalog's masking of secrets, for message texts that leave the machine. */
  redact(text: string): string;
  sendQuery(simId: string, instruction: string, params: Record<string, string>): Promise<string>;
  onLabels(labels: SimLabel[]): void;
  onMqtt(view: MqttSettingsView): void;
}

/**
 * The fleet side of the core: per-SIM state for the integrations, the SIM labels, and the MQTT
 * link (off unless the user turned it on).
 */
export class Fleet {
  readonly board: SimBoard;
  private link: MqttLink | null = null;

  private constructor(
    private readonly deps: FleetDeps,
    readonly labels: SimLabels,
    private readonly mqttFile: MqttSettingsFile,
    private mqtt: { settings: StoredMqttSettings; password: string | null },
  ) {
    this.board = new SimBoard(deps.redact);
    labels.on('changed', (list) => deps.onLabels(list));
  }

  static async open(deps: FleetDeps): Promise<Fleet> {
    const mqttFile = new MqttSettingsFile(deps.dataDir);
    const fleet = new Fleet(deps, await SimLabels.open(deps.dataDir), mqttFile, await mqttFile.load());
    fleet.restartLink();
    return fleet;
  }

  async setLabel(label: SimLabel): Promise<SimLabel[]> {
    const list = await this.labels.set(label);
    this.link?.labelChanged(label.simId);
    return list;
  }

  mqttView(): MqttSettingsView {
    const status: MqttStatus = this.link?.status ?? { state: 'off', zh: 'MQTT 已关闭。', en: 'MQTT is off.' };
    return { ...this.mqtt.settings, passwordSet: this.mqtt.password !== null, status };
  }

  async setMqtt(settings: MqttSettings): Promise<MqttSettingsView> {
    this.mqtt = await this.mqttFile.save(settings);
    await this.link?.stop();
    this.link = null;
    this.restartLink();
    const view = this.mqttView();
    this.deps.onMqtt(view);
    return view;
  }

  async close(): Promise<void> {
    await this.link?.stop();
    this.link = null;
  }

  private restartLink(): void {
    if (!this.mqtt.settings.enabled) return;
    const link = new MqttLink(this.mqtt.settings, this.mqtt.password, {
      board: this.board,
      labels: this.labels,
      sendQuery: this.deps.sendQuery,
      commandLogPath: join(this.deps.dataDir, 'mqtt-commands.log'),
    });
    link.on('status', () => this.deps.onMqtt(this.mqttView()));
    this.link = link;
    link.start();
  }
}
