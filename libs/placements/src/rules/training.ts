/** The topics pre-departure training must cover (the self-discipline manual's curriculum). */
export const REQUIRED_TRAINING_TOPICS = ['destination_laws', 'rights_and_contract', 'safety', 'help_lines'] as const;
export type TrainingTopic = (typeof REQUIRED_TRAINING_TOPICS)[number];

export const TRAINING_TOPIC_NAMES: Record<TrainingTopic, { zh: string; en: string }> = {
  destination_laws: { zh: '目的国法律和风俗', en: 'the destination’s laws and customs' },
  rights_and_contract: { zh: '劳动者权利和劳动合同', en: 'the worker’s rights and the contract' },
  safety: { zh: '安全', en: 'safety' },
  help_lines: { zh: '求助热线', en: 'help lines' },
};

export interface TrainingRecord {
  completedOn: string;
  hours: number;
  topics: readonly string[];
}

export interface TrainingFailure {
  field: string;
  messageEn: string;
  messageZh: string;
}

/** What the training lacks: done before departure, long enough, every required topic. Pure. */
export function checkTraining(training: TrainingRecord, departureDate: string, minHours: number): TrainingFailure[] {
  const failures: TrainingFailure[] = [];
  if (!(training.completedOn < departureDate)) {
    failures.push({ field: 'training.completedOn', messageEn: 'pre-departure training must be completed before departure', messageZh: '出境前培训须在出境前完成' });
  }
  if (training.hours < minHours) {
    failures.push({ field: 'training.hours', messageEn: `pre-departure training must last at least ${minHours} hours`, messageZh: `出境前培训不得少于 ${minHours} 学时` });
  }
  const missing = REQUIRED_TRAINING_TOPICS.filter((topic) => !training.topics.includes(topic));
  if (missing.length > 0) {
    failures.push({
      field: 'training.topics',
      messageEn: `pre-departure training must cover ${missing.map((t) => TRAINING_TOPIC_NAMES[t].en).join(', ')}`,
      messageZh: `出境前培训须涵盖：${missing.map((t) => TRAINING_TOPIC_NAMES[t].zh).join('、')}`,
    });
  }
  return failures;
}
