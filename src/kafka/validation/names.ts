// Names and enums of the user and ACL commands.

import { InputError } from "./errors.js";
import { goQuote } from "../../go/quote.js";

function length(text: string): number {
  return [...text].length;
}

function checkLength(what: string, value: string, max: number): void {
  const n = length(value);
  if (n < 1 || n > max) throw new InputError(`invalid ${what} ${goQuote(value)}: must be 1 to ${max} characters long, got ${n}`);
}

const USERNAME = /^[A-Za-z0-9._@+][A-Za-z0-9._@+-]*$/;
const USERNAME_PATTERN = /^[A-Za-z0-9._@+*?][A-Za-z0-9._@+*?-]*$/;
const TOPIC = /^[A-Za-z0-9._-]+$/;
const TOPIC_PATTERN = /^[A-Za-z0-9._*?-]+$/;

/** A Kafka service user: 1 to 64 letters, digits, `.`, `_`, `-`, `@` or `+`, not starting with `-`. */
export function validateUsername(username: string): string {
  checkLength("username", username, 64);
  if (!USERNAME.test(username))
    throw new InputError(`invalid username ${goQuote(username)}: use letters, digits, ".", "_", "-", "@" or "+" (not starting with "-")`);
  return username;
}

const NEW_USERNAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * The name of a user to create, as the API accepts it: 1 to 64 letters, digits, `_`, `.` or `-`, not
 * starting with `.` or `-`, and not ANONYMOUS (Kafka's principal for unauthenticated clients).
 */
export function validateNewUsername(username: string): string {
  checkLength("username", username, 64);
  if (!NEW_USERNAME.test(username))
    throw new InputError(`invalid username ${goQuote(username)}: a new user's name takes letters, digits, "_", "." and "-" (not starting with "." or "-")`);
  if (username === "ANONYMOUS") throw new InputError(`invalid username "ANONYMOUS": the name is reserved by Kafka`);
  return username;
}

/** The username of an ACL entry: a username, or a pattern with `*` and `?`. */
export function validateAclUsername(username: string): string {
  checkLength("ACL username", username, 64);
  if (!USERNAME_PATTERN.test(username))
    throw new InputError(`invalid ACL username ${goQuote(username)}: use letters, digits, ".", "_", "-", "@", "+" and the wildcards "*" and "?" (not starting with "-")`);
  return username;
}

/** A Kafka topic name: 1 to 249 of `[a-zA-Z0-9._-]`, and neither `.` nor `..`. */
export function validateTopic(topic: string): string {
  checkLength("topic name", topic, 249);
  if (topic === "." || topic === "..") throw new InputError(`invalid topic name ${goQuote(topic)}: "." and ".." are not allowed`);
  if (!TOPIC.test(topic)) throw new InputError(`invalid topic name ${goQuote(topic)}: use letters, digits, ".", "_" and "-"`);
  return topic;
}

/** The topic of an ACL entry: a topic name or a pattern with `*` and `?` (`*` alone: every topic). */
export function validateAclTopic(topic: string): string {
  checkLength("ACL topic", topic, 249);
  if (topic === "." || topic === "..") throw new InputError(`invalid ACL topic ${goQuote(topic)}: "." and ".." are not allowed`);
  if (!TOPIC_PATTERN.test(topic))
    throw new InputError(`invalid ACL topic ${goQuote(topic)}: use letters, digits, ".", "_", "-" and the wildcards "*" and "?"`);
  return topic;
}

/** A Schema Registry ACL resource (`Subject:orders-value`, `Config:`, patterns): 1 to 249 printable characters. */
export function validateSchemaRegistryResource(resource: string): string {
  checkLength("Schema Registry resource", resource, 249);
  if (/[\s\p{Cc}]/u.test(resource)) throw new InputError(`invalid Schema Registry resource ${goQuote(resource)}: must not contain whitespace or control characters`);
  return resource;
}

export const ACL_PERMISSIONS = ["admin", "read", "readwrite", "write"] as const;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];
export const SCHEMA_REGISTRY_ACL_PERMISSIONS = ["schema_registry_read", "schema_registry_write"] as const;
export type SchemaRegistryAclPermission = (typeof SCHEMA_REGISTRY_ACL_PERMISSIONS)[number];

export function validateAclPermission(permission: string): AclPermission {
  if ((ACL_PERMISSIONS as readonly string[]).includes(permission)) return permission as AclPermission;
  throw new InputError(`invalid ACL permission ${goQuote(permission)}: must be one of ${ACL_PERMISSIONS.join(", ")}`);
}

export function validateSchemaRegistryAclPermission(permission: string): SchemaRegistryAclPermission {
  if ((SCHEMA_REGISTRY_ACL_PERMISSIONS as readonly string[]).includes(permission)) return permission as SchemaRegistryAclPermission;
  throw new InputError(`invalid Schema Registry ACL permission ${goQuote(permission)}: must be one of ${SCHEMA_REGISTRY_ACL_PERMISSIONS.join(", ")}`);
}

/** An ACL id as the API gives it (1 to 40 characters). */
export function validateAclId(id: string): string {
  checkLength("ACL id", id, 40);
  return id;
}

/** A user password (8 to 256 characters). The message never repeats the password. */
export function validatePassword(password: string): string {
  const n = length(password);
  if (n < 8 || n > 256) throw new InputError(`invalid --password: must be 8 to 256 characters long, got ${n}`);
  if (/[\x00-\x1f\x7f-\x9f]/.test(password)) throw new InputError("invalid --password: contains a control character");
  return password;
}
