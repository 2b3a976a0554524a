// Views of `exo dbaas` for Kafka: builders from API responses to exo's Go output structs.

export {
  serviceShowOutput,
  buildServiceShowValue,
  serviceShowView,
  maintenanceView,
} from "./service-show.js";
export {
  kafkaView,
  kafkaAclView,
  kafkaAuthenticationView,
  kafkaComponentView,
  kafkaConnectionInfoView,
  kafkaUserView,
  type ServiceShowSource,
} from "./service-show-kafka.js";
export { serviceBackupsOutput, serviceNotificationsOutput, serviceUriOutput, serviceBackupView, serviceNotificationView } from "./service-extras.js";
export { serviceSettingsOutput, typedServiceSettings } from "./settings-typed.js";
export { serviceListItem, serviceListOutput, serviceListTable, serviceListItemView, type ServiceListRow } from "./service-list.js";
export {
  typeListOutput,
  typeShowOutput,
  typePlansOutput,
  findPlanBackupConfig,
  typeBackupConfigOutput,
  typeListItemView,
  typeShowView,
  typePlanView,
  typeBackupConfigView,
} from "./service-type.js";
export { settingsTableOutput, settingsTableRows } from "./settings-table.js";
export {
  userListOutput,
  findServiceUser,
  userShowOutput,
  userRevealOutput,
  userListItemView,
  userShowView,
  userRevealView,
  userRevealKafkaView,
  type KafkaUser,
} from "./users.js";
export { serviceLogsOutput, serviceLogsView, serviceLogLineView } from "./service-logs.js";
export { LogTimeError } from "./log-time.js";
export { kafkaFlagsHelp } from "./help.js";
