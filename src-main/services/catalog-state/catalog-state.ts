import type { CatalogStateView, CustomImportResult } from '../../../src-shared/api/contract';
import { credentialsInSource } from '../../../src-shared/bundle/fetch-file';
import { InstructionCatalog } from '../../../src-shared/catalog/catalog';
import { importCustomFile } from '../../../src-shared/catalog/custom/file';
import { deleteCustom, findCustom, saveCustom } from '../../../src-shared/catalog/custom/list';
import type { CustomInstruction } from '../../../src-shared/catalog/custom/schema';
import { requireValidCustom } from '../../../src-shared/catalog/custom/validate';
import { effectiveCatalog } from '../../../src-shared/catalog/effective';
import { builtinProvinceProfile, builtinProvinces } from '../../../src-shared/catalog/provinces/builtin';
import type { ProvinceId } from '../../../src-shared/catalog/provinces/schema';
import type { Catalog } from '../../../src-shared/catalog/schema';
import { HallError, toHallError, type Bilingual } from '../../../src-shared/errors';
import { CatalogUpdater } from '../catalog-update';
import { Emitter } from '../modem/emitter';
import { SerialQueue } from '../serial-queue';
import { isValidPublicKey, loadCatalogSettings, saveCatalogSettings, type CatalogSettings } from './catalog-settings';
import { loadCustoms, saveCustoms } from './custom-store';

const DAY_MS = 24 * 3600_000;

/**
 * Which catalog the app uses, and why: the built-in one or the newest signed update, the
 * province's changes, and the user's own instructions. Every change (an update applied, a
 * province picked, an instruction added) produces a new effective catalog and tells listeners.
 */
export class CatalogState extends Emitter<{ changed: CatalogStateView; notice: Bilingual }> {
  private base: Catalog;
  private origin: 'builtin' | 'update' = 'builtin';
  private effective: InstructionCatalog;
  private lastCheck: CatalogStateView['update']['lastCheck'] = null;
  private updater: CatalogUpdater;
  private daily: ReturnType<typeof setInterval> | null = null;
  /** One change at a time (a daily check must not land in the middle of a rollback). */
  private readonly changes = new SerialQueue();

  private constructor(
    private readonly dataDir: string,
    private readonly builtin: Catalog,
    private settings: CatalogSettings,
    private customs: CustomInstruction[],
  ) {
    super();
    this.base = builtin;
    this.updater = this.makeUpdater();
    this.effective = this.compose();
  }

  static async open(dataDir: string, builtin: Catalog): Promise<{ state: CatalogState; problems: Bilingual[] }> {
    const problems: Bilingual[] = [];
    const { settings, problem: settingsProblem } = await loadCatalogSettings(dataDir);
    const { customs, problem: customsProblem } = await loadCustoms(dataDir);
    for (const problem of [settingsProblem, customsProblem]) if (problem) problems.push(problem);
    const state = new CatalogState(dataDir, builtin, settings, customs);
    await state.loadAcceptedUpdate(problems);
    return { state, problems };
  }

  /** The catalog to search and compose with. */
  get catalog(): InstructionCatalog {
    return this.effective;
  }

  view(): CatalogStateView {
    return {
      version: this.base.version,
      date: this.base.date,
      origin: this.origin,
      province: this.settings.province,
      provinces: builtinProvinces().provinces.map((p) => ({ id: p.id, name: p.name, verified: p.status === 'verified' })),
      customs: this.customs,
      update: { source: this.settings.update.source, publicKey: this.settings.update.publicKey, lastCheck: this.lastCheck },
      catalog: this.effective.data,
    };
  }

  /** Checks the update source now and then daily, when one is configured. */
  startUpdates(): void {
    void this.checkNow().catch(() => undefined);
    this.daily = setInterval(() => void this.checkNow().catch(() => undefined), DAY_MS);
    this.daily.unref?.();
  }

  close(): void {
    if (this.daily) clearInterval(this.daily);
  }

  setProvince(province: ProvinceId | null): Promise<CatalogStateView> {
    return this.changes.run(async () => {
      await this.saveSettings({ ...this.settings, province });
      return this.changed();
    });
  }

  saveCustom(input: unknown, replacing?: string): Promise<CatalogStateView> {
    return this.changes.run(async () => {
      const next = saveCustom(this.customs, requireValidCustom(input), replacing);
      await saveCustoms(this.dataDir, next);
      this.customs = next;
      return this.changed();
    });
  }

  deleteCustom(code: string): Promise<CatalogStateView> {
    return this.changes.run(async () => {
      if (!findCustom(this.customs, code)) {
        throw new HallError('custom.unknown', { zh: `没有自定义指令 ${code}。`, en: `There is no custom instruction ${code}.` });
      }
      const next = deleteCustom(this.customs, code);
      await saveCustoms(this.dataDir, next);
      this.customs = next;
      return this.changed();
    });
  }

  importCustoms(text: string, replace: boolean): Promise<CustomImportResult> {
    return this.changes.run(async () => {
      const { customs, outcome } = importCustomFile(this.customs, text, replace);
      await saveCustoms(this.dataDir, customs);
      this.customs = customs;
      this.changed();
      return outcome;
    });
  }

  setUpdateSource(source: string | null, publicKey: string | null): Promise<CatalogStateView> {
    return this.changes.run(async () => {
      if (source && !publicKey) {
        throw new HallError('update.key-required', {
          zh: '设置更新来源时必须同时填写维护者的公钥，否则无法验证更新。',
          en: 'An update source needs the maintainer’s public key too; without it no update can be verified.',
        });
      }
      const credentials = source ? credentialsInSource(source) : null;
      if (credentials) throw new HallError('update.source-credentials', credentials);
      if (publicKey && !isValidPublicKey(publicKey)) {
        throw new HallError('update.bad-key', { zh: '公钥格式不对（应为 44 个字符的 base64）。', en: 'The public key is not valid (44 base64 characters expected).' });
      }
      await this.saveSettings({ ...this.settings, update: { source, publicKey: source ? publicKey : null } });
      this.lastCheck = null;
      return this.changed();
    });
  }

  /** Checks the source and applies what it offers; a refusal keeps the catalog in use and is reported. */
  checkNow(): Promise<CatalogStateView> {
    return this.changes.run(async () => {
      if (!this.updater.hasSource) return this.view();
      try {
        const outcome = await this.updater.apply();
        this.lastCheck = {
          at: Date.now(),
          ok: true,
          zh: outcome.updated ? `已更新到 ${outcome.version}。` : `已是最新（${outcome.version}）。`,
          en: outcome.updated ? `Updated to ${outcome.version}.` : `Up to date (${outcome.version}).`,
        };
        if (outcome.updated) await this.loadAcceptedUpdate([]);
      } catch (e) {
        const error = toHallError(e);
        this.lastCheck = { at: Date.now(), ok: false, zh: error.zh, en: error.en };
        this.emit('notice', { zh: `指令库更新被拒绝，继续使用当前版本：${error.zh}`, en: `The catalog update was refused; the current one stays in use: ${error.en}` });
      }
      return this.changed();
    });
  }

  rollback(): Promise<CatalogStateView> {
    return this.changes.run(async () => {
      await this.updater.rollback();
      this.base = this.builtin;
      this.origin = 'builtin';
      return this.changed();
    });
  }

  private async loadAcceptedUpdate(problems: Bilingual[]): Promise<void> {
    const current = await this.updater.current();
    if (current.problem) problems.push({ zh: current.problem.zh, en: current.problem.en });
    this.base = current.catalog;
    this.origin = current.origin;
    this.effective = this.compose();
  }


  /** A province profile that no longer fits the catalog (an update moved on) is set aside, not fatal. */
  private compose(): InstructionCatalog {
    const choices = { base: this.base, province: builtinProvinceProfile(this.settings.province), customs: this.customs };
    try {
      return new InstructionCatalog(effectiveCatalog(choices));
    } catch (e) {
      const error = toHallError(e);
      this.emit('notice', { zh: `省份资料与当前指令库不符，暂不使用：${error.zh}`, en: `The province profile does not fit the catalog in use and is set aside: ${error.en}` });
      return new InstructionCatalog(effectiveCatalog({ ...choices, province: null }));
    }
  }

  private makeUpdater(): CatalogUpdater {
    const { source, publicKey } = this.settings.update;
    return new CatalogUpdater({ dataDir: this.dataDir, builtin: this.builtin, trustedKeys: publicKey ? [publicKey] : [], ...(source ? { source } : {}) });
  }

  private async saveSettings(settings: CatalogSettings): Promise<void> {
    await saveCatalogSettings(this.dataDir, settings);
    this.settings = settings;
    this.updater = this.makeUpdater();
  }

  private changed(): CatalogStateView {
    this.effective = this.compose();
    const view = this.view();
    this.emit('changed', view);
    return view;
  }
}
