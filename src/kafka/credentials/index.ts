// Client credentials of Kafka users: PEM checks, safe files, rotation.
export { CredentialsError, parseCertificate, parseCertificates, parsePrivateKey, verifyCredentials, sameCertificate, type CredentialsPem, type VerifiedCredentials } from "./pem.js";
export { FileExistsError, PRIVATE_FILE_MODE, pathExists } from "./private-file.js";
export { writeFileSet, writePrivateFile, checkTarget, FileSetError, type FileEntry, type FileRemoval, type FileSetOptions } from "./file-set.js";
export {
  credentialsFiles,
  inspectCredentialsFiles,
  checkWritable,
  holdsCa,
  installCredentials,
  CREDENTIALS_PARTS,
  type CredentialsFiles,
  type CredentialsFile,
  type CredentialsPart,
  type FileState,
  type InstallResult,
  type InstallOptions,
  type ExtraEntry,
  type PlannedFile,
} from "./files.js";
export { rotateUser, describeStep, RotationError, type OldFile, type OldFiles, type ExtraFiles, type RotationApi, type RotationStep, type RotationResult, type ServiceUser } from "./rotation.js";
export { certificateExpiry, type CertificateExpiry } from "./expiry.js";
