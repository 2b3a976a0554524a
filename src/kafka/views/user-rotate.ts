// Output of `user rotate`: what was done, step by step, and the new user's credentials files.
// The table form is one line per step.
import type { CredentialsFiles } from "../credentials/index.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { credentialsFileFields } from "./credentials-files.js";
import { defineView, fieldsOf, goStruct, liftField } from "./spec.js";

export interface UserRotationShown {
  readonly service: string;
  readonly oldUsername: string;
  readonly newUsername: string;
  /** one line per step (describeStep) */
  readonly steps: readonly string[];
  readonly files: CredentialsFiles;
}

const rotation = fieldsOf<UserRotationShown>();
export const userRotateView = defineView("*dbaas.dbaasKafkaUserRotateOutput", [
  rotation({ go: "Service", json: "service", from: (r) => r.service }),
  rotation({ go: "OldUsername", json: "old_username", from: (r) => r.oldUsername }),
  rotation({ go: "NewUsername", json: "new_username", from: (r) => r.newUsername }),
  rotation({ go: "Steps", json: "steps", from: (r) => r.steps }),
  ...credentialsFileFields.map((f) => liftField((r: UserRotationShown) => r.files, f)),
]);

export function userRotateOutput(shown: UserRotationShown): ObjectOutput {
  return objectOutput(goStruct(userRotateView, shown), () => shown.steps.map((l) => `${l}\n`).join(""));
}
