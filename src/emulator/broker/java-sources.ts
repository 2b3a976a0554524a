// Two small Java programs compiled once against the Kafka jars (kept as text so a bundled emulator carries them).

/**
 * Runs kafka.Kafka, and exits (cleanly, through Kafka's shutdown hook) as soon as its stdin closes: a broker
 * never outlives the emulator process that started it, even if that process is killed.
 */
export const BROKER_LAUNCHER_CLASS = "ExoBrokerLauncher";
export const BROKER_LAUNCHER_SOURCE = `
public final class ExoBrokerLauncher {
  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) { }
      } catch (java.io.IOException ignored) { }
      System.exit(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    kafka.Kafka.main(args);
  }
}
`;

/**
 * Makes the broker's users equal to the users read on stdin, one per line as base64(username) SP base64(password):
 * each gets a SCRAM-SHA-256 credential and allow-all ACLs for its principal `User:<username>` (the CN of its
 * certificate, or its SASL name); every other SCRAM credential and user ACL is deleted.
 * Usage: ExoUserSync <bootstrap>. Prints nothing on success; errors never contain passwords.
 */
export const USER_SYNC_CLASS = "ExoUserSync";
export const USER_SYNC_SOURCE = `
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.acl.*;
import org.apache.kafka.common.resource.*;

public final class ExoUserSync {
  static List<AclBinding> allowAll(String user) {
    String principal = "User:" + user;
    AccessControlEntry all = new AccessControlEntry(principal, "*", AclOperation.ALL, AclPermissionType.ALLOW);
    List<AclBinding> bindings = new ArrayList<>();
    bindings.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL), all));
    bindings.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL), all));
    bindings.add(new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "*", PatternType.LITERAL), all));
    bindings.add(new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), all));
    return bindings;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> wanted = new LinkedHashMap<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Base64.Decoder b64 = Base64.getDecoder();
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isBlank()) continue;
      String[] parts = line.trim().split(" ");
      wanted.put(new String(b64.decode(parts[0]), StandardCharsets.UTF_8),
          parts.length > 1 ? new String(b64.decode(parts[1]), StandardCharsets.UTF_8) : "");
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try (Admin admin = Admin.create(props)) {
      List<UserScramCredentialAlteration> changes = new ArrayList<>();
      for (UserScramCredentialsDescription existing :
          admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS).values()) {
        for (ScramCredentialInfo info : existing.credentialInfos()) {
          boolean keep = wanted.containsKey(existing.name()) && info.mechanism() == ScramMechanism.SCRAM_SHA_256;
          if (!keep) changes.add(new UserScramCredentialDeletion(existing.name(), info.mechanism()));
        }
      }
      ScramCredentialInfo sha256 = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096);
      for (Map.Entry<String, String> user : wanted.entrySet()) {
        if (!user.getValue().isEmpty()) {
          changes.add(new UserScramCredentialUpsertion(user.getKey(), sha256, user.getValue()));
        }
      }
      if (!changes.isEmpty()) admin.alterUserScramCredentials(changes).all().get(30, TimeUnit.SECONDS);

      Set<AclBinding> wantedAcls = new HashSet<>();
      for (String user : wanted.keySet()) wantedAcls.addAll(allowAll(user));
      List<AclBindingFilter> stale = new ArrayList<>();
      for (AclBinding binding : admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS)) {
        if (!wantedAcls.remove(binding)) stale.add(binding.toFilter());
      }
      if (!stale.isEmpty()) admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
      if (!wantedAcls.isEmpty()) admin.createAcls(wantedAcls).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("user update failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
      System.exit(1);
    }
  }
}
`;
