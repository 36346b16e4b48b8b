import type { SimLabel } from '../api/contract';
import { simLabel } from '../at/sim-id';
import type { SimState } from './sim-state';

/**
 * Where the fleet's state goes on an MQTT broker, and Home Assistant's discovery configs for it.
 * Everything lives under one prefix per host, `<base>/<host>/`, so several hosts share a broker:
 *
 *   <base>/<host>/status                      online | offline (retained; offline is the will)
 *   <base>/<host>/sim/<sim>/<figure>          balance, data_left, minutes_left, points, last_update (retained)
 *   <base>/<host>/sim/<sim>/state             the whole state and label as JSON (retained)
 *   <base>/<host>/sim/<sim>/event             each whole message received (not retained)
 *   <base>/<host>/command                     read-only queries in (when enabled)
 *   <base>/<host>/command/result              what became of each
 */

export interface TopicScope {
  baseTopic: string;
  hostId: string;
}

export interface Publication {
  topic: string;
  payload: string;
  retain: boolean;
}

/** A SIM id as one topic level: MQTT wildcards and separators cannot get in. */
export function topicLevel(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || '_';
}

export const hostPrefix = (s: TopicScope) => `${s.baseTopic}/${s.hostId}`;
export const statusTopic = (s: TopicScope) => `${hostPrefix(s)}/status`;
export const commandTopic = (s: TopicScope) => `${hostPrefix(s)}/command`;
export const commandResultTopic = (s: TopicScope) => `${commandTopic(s)}/result`;
export const simTopic = (s: TopicScope, simId: string, leaf: string) => `${hostPrefix(s)}/sim/${topicLevel(simId)}/${leaf}`;
/** Every host's SIM states on a broker, for a read-only fleet view. */
export const allHostsStateFilter = (baseTopic: string) => `${baseTopic}/+/sim/+/state`;
/** This host's own SIM states: what the broker still keeps retained of them is read at connect (fleet26). */
export const ownStateFilter = (s: TopicScope) => `${hostPrefix(s)}/sim/+/state`;

interface Sensor {
  leaf: string;
  name: string;
  value(s: SimState): string | null;
  /** A figure a newer reply can supersede (told by kind only): its time in the state, see simStatePublications. */
  asOf?: keyof SimState['asOf'];
  unit?: string;
  deviceClass?: string;
  stateClass?: string;
  icon?: string;
}

const numberText = (n: number | null) => (n === null ? null : String(Math.round(n * 100) / 100));

/** The figures published one per topic, and how Home Assistant is told to show each. */
export const SIM_SENSORS: readonly Sensor[] = [
  { leaf: 'balance', name: 'Balance', value: (s) => (s.balanceCurrency ? null : numberText(s.balance)), unit: 'CNY', deviceClass: 'monetary' },
  { leaf: 'data_left', name: 'Data left', value: (s) => numberText(s.generalDataLeftMb), asOf: 'data', unit: 'MB', deviceClass: 'data_size', stateClass: 'measurement' },
  { leaf: 'minutes_left', name: 'Minutes left', value: (s) => numberText(s.minutesLeft), asOf: 'minutes', unit: 'min', deviceClass: 'duration', stateClass: 'measurement' },
  { leaf: 'points', name: 'Points', value: (s) => numberText(s.points), stateClass: 'measurement', icon: 'mdi:star-circle' },
  { leaf: 'last_update', name: 'Last update', value: (s) => (s.lastUpdate === null ? null : new Date(s.lastUpdate).toISOString()), deviceClass: 'timestamp' },
];

/**
 * The retained state of one SIM: a topic per known figure (unknown ones are left out, not blanked), and
 * the whole as JSON. A figure a newer reply superseded (told by kind only: null, with a time) is blanked,
 * an empty retained payload, so that the broker no longer hands the older amount out as current.
 */
export function simStatePublications(scope: TopicScope, state: SimState, label: SimLabel | undefined): Publication[] {
  const figures = SIM_SENSORS.flatMap((sensor) => {
    const value = sensor.value(state);
    const superseded = value === null && sensor.asOf !== undefined && state.asOf?.[sensor.asOf] != null;
    const payload = superseded ? '' : value;
    return payload === null ? [] : [{ topic: simTopic(scope, state.simId, sensor.leaf), payload, retain: true }];
  });
  const whole = { ...state, host: scope.hostId, label: label ? { name: label.name, owner: label.owner, phone: label.phone } : null };
  return [...figures, { topic: simTopic(scope, state.simId, 'state'), payload: JSON.stringify(whole), retain: true }];
}

/** The name a SIM goes by: its label, else what the app's views call it. */
export function simDisplayName(simId: string, label: SimLabel | undefined): string {
  return label?.name || simLabel(simId);
}

/**
 * Home Assistant MQTT discovery: one config per sensor, under
 * `<discoveryPrefix>/sensor/<node>/<object>/config`, all sharing one device per SIM, so every SIM
 * shows as a device with its sensors and no YAML. Retained, as Home Assistant expects.
 */
export function discoveryPublications(scope: TopicScope, discoveryPrefix: string, simId: string, label: SimLabel | undefined): Publication[] {
  const node = `hall10086_${scope.hostId}`;
  const sim = topicLevel(simId);
  const device = {
    identifiers: [`hall10086_${scope.hostId}_${sim}`],
    name: simDisplayName(simId, label),
    manufacturer: 'China Mobile (10086)',
    model: 'SIM',
  };
  return SIM_SENSORS.map((sensor) => ({
    topic: `${discoveryPrefix}/sensor/${node}/${sim}_${sensor.leaf}/config`,
    retain: true,
    payload: JSON.stringify({
      name: sensor.name,
      unique_id: `hall10086_${scope.hostId}_${sim}_${sensor.leaf}`,
      state_topic: simTopic(scope, simId, sensor.leaf),
      availability_topic: statusTopic(scope),
      payload_available: 'online',
      payload_not_available: 'offline',
      ...(sensor.unit ? { unit_of_measurement: sensor.unit } : {}),
      ...(sensor.deviceClass ? { device_class: sensor.deviceClass } : {}),
      ...(sensor.stateClass ? { state_class: sensor.stateClass } : {}),
      ...(sensor.icon ? { icon: sensor.icon } : {}),
      json_attributes_topic: simTopic(scope, simId, 'state'),
      device,
    }),
  }));
}

/**
 * A SIM this host no longer lists (an unidentified insertion another card replaced in its port): every retained
 * topic of it emptied, so that neither the broker nor Home Assistant keeps a row that piles up with each card.
 * The state last: it is what the sweep at the next connect finds a row by, so a connection lost halfway leaves it
 * retained and the rest is emptied then.
 */
export function simGonePublications(scope: TopicScope, discoveryPrefix: string, simId: string): Publication[] {
  const configs = discoveryPrefix ? discoveryPublications(scope, discoveryPrefix, simId, undefined).map((p) => p.topic) : [];
  const leaves = [...SIM_SENSORS.map((s) => s.leaf), 'state'];
  return [...configs, ...leaves.map((leaf) => simTopic(scope, simId, leaf))].map((topic) => ({ topic, payload: '', retain: true }));
}
