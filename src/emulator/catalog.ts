// Static data of the emulated platform: zones and DBaaS service types with their plans.

export const ZONES = ["ch-gva-2", "ch-dk-2", "de-fra-1", "de-muc-1", "at-vie-1", "at-vie-2", "bg-sof-1", "hr-zag-1"] as const;

export interface BackupConfig {
  interval: number;
  "max-count": number;
  "recovery-mode": string;
  "frequent-interval-minutes"?: number;
  "frequent-oldest-age-minutes"?: number;
  "infrequent-interval-minutes"?: number;
  "infrequent-oldest-age-minutes"?: number;
}

export interface Plan {
  name: string;
  "node-count": number;
  "node-cpu-count": number;
  "node-memory": number;
  "disk-space": number;
  authorized: boolean;
  family: string;
  zones: string[];
  "backup-config": BackupConfig;
}

export interface ServiceType {
  name: string;
  description: string;
  "available-versions": string[];
  "default-version": string;
  plans: Plan[];
}

const GiB = 1024 ** 3;

function plan(name: string, nodes: number, cpus: number, memoryGiB: number, diskGiB: number, backup: BackupConfig): Plan {
  return {
    name,
    "node-count": nodes,
    "node-cpu-count": cpus,
    "node-memory": memoryGiB * GiB,
    "disk-space": diskGiB * GiB,
    authorized: true,
    family: name.split("-")[0]!,
    zones: [...ZONES],
    "backup-config": backup,
  };
}

const kafkaBackup: BackupConfig = { interval: 24, "max-count": 2, "recovery-mode": "basic" };
const sqlBackup: BackupConfig = {
  interval: 24,
  "max-count": 14,
  "recovery-mode": "pitr",
  "frequent-interval-minutes": 0,
  "frequent-oldest-age-minutes": 0,
  "infrequent-interval-minutes": 0,
  "infrequent-oldest-age-minutes": 0,
};

export const SERVICE_TYPES: ServiceType[] = [
  {
    name: "kafka",
    description: "Apache Kafka - High-throughput distributed messaging system",
    "available-versions": ["3.7", "3.8"],
    "default-version": "3.8",
    plans: [
      plan("startup-2", 3, 2, 2, 90, kafkaBackup),
      plan("business-4", 3, 2, 4, 600, kafkaBackup),
      plan("business-8", 3, 2, 8, 1200, kafkaBackup),
      plan("business-16", 3, 4, 16, 2400, kafkaBackup),
      plan("premium-6x-8", 6, 2, 8, 2400, kafkaBackup),
      plan("premium-6x-16", 6, 4, 16, 4800, kafkaBackup),
    ],
  },
  {
    name: "pg",
    description: "PostgreSQL - Object-Relational Database Management System",
    "available-versions": ["14", "15", "16"],
    "default-version": "16",
    plans: [
      plan("hobbyist-2", 1, 2, 2, 8, { ...sqlBackup, "max-count": 2 }),
      plan("startup-4", 1, 2, 4, 80, sqlBackup),
      plan("business-4", 2, 2, 4, 80, sqlBackup),
    ],
  },
  {
    name: "mysql",
    description: "MySQL - Relational Database Management System",
    "available-versions": ["8"],
    "default-version": "8",
    plans: [plan("hobbyist-2", 1, 2, 2, 8, { ...sqlBackup, "max-count": 2 }), plan("startup-4", 1, 2, 4, 80, sqlBackup)],
  },
];

export const kafkaType = (): ServiceType => SERVICE_TYPES[0]!;

export function findKafkaPlan(name: string): Plan | undefined {
  return kafkaType().plans.find((p) => p.name === name);
}
