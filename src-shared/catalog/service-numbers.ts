import servicesJson from '../../instructions/services.json';
import type { Localized } from './schema';

/**
 * The numbers China Mobile's own SMS services answer on (`sms-port` in services.json: 10086 and
 * the free report port 10086999). They come with the app, never with a catalog update: an SMS to
 * any other number may go to a paid content provider (1065…, 10658…) and be charged.
 */
export const SERVICE_SMS_PORTS: ReadonlySet<string> = new Set(servicesJson.numbers.filter((n) => n.kind === 'sms-port').map((n) => n.number));

/** The digits a number is dialled with at home: +86 / 0086 / 86 prefixes dropped. */
export function localNumber(number: string): string {
  return number.replace(/[\s-]/gu, '').replace(/^(?:\+86|0086|86(?=1\d{10}$|10086))/u, '');
}

/** Whether `to`, however written (`+86 10086`, `8610086`), is one of SERVICE_SMS_PORTS. */
export const isServiceSmsPort = (to: string): boolean => SERVICE_SMS_PORTS.has(localNumber(to));

/** Why a message to a number outside SERVICE_SMS_PORTS is only sent once the user said yes. */
export function foreignNumberReason(to: string): Localized {
  return {
    'zh-Hans': `发往 ${to}：这不是中国移动的服务号码，短信可能被收费或订购付费业务`,
    'zh-Hant': `發往 ${to}：這不是中國移動的服務號碼，簡訊可能被收費或訂購付費業務`,
    en: `Goes to ${to}: not a China Mobile service number; the SMS may be charged or subscribe to a paid service`,
  };
}
