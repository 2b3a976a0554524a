// Client-side validation for the Kafka write commands. Pure functions, no I/O: every refusal is
// an InputError whose message is one line, printed by the CLI as `error: <message>`.

export { InputError } from "./errors.js";
export { validateSettings, settingsSchema, SETTINGS_KINDS, SETTINGS_FLAGS, LOG_CLEANER_OBJECT, type SettingsKind } from "./settings.js";
export { parseIpFilter, addIpFilter, removeIpFilter, parseCidr } from "./ip-filter.js";
export { parseGoBool, GO_BOOL_VALUES } from "./bool.js";
export { validateMaintenance, MAINTENANCE_DAYS, type Maintenance, type MaintenanceDay } from "./maintenance.js";
export { validatePlan, validateKafkaVersion, type PlanLike } from "./service-type.js";
export {
  validateUsername,
  validateNewUsername,
  validateAclUsername,
  validateTopic,
  validateAclTopic,
  validateSchemaRegistryResource,
  validateAclPermission,
  validateSchemaRegistryAclPermission,
  validateAclId,
  validatePassword,
  ACL_PERMISSIONS,
  SCHEMA_REGISTRY_ACL_PERMISSIONS,
  type AclPermission,
  type SchemaRegistryAclPermission,
} from "./names.js";
export { validateEnum } from "./choice.js";
