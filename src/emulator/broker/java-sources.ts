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

  static Collection<UserScramCredentialsDescription> describeScram(Admin admin) throws Exception {
    return admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS).values();
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
      Set<String> scramUsers = new HashSet<>();
      for (Map.Entry<String, String> user : wanted.entrySet()) {
        if (!user.getValue().isEmpty()) scramUsers.add(user.getKey());
      }
      Set<AclBinding> wantedAcls = new HashSet<>();
      for (String user : wanted.keySet()) wantedAcls.addAll(allowAll(user));

      List<UserScramCredentialAlteration> changes = new ArrayList<>();
      boolean passwordsReplaced = false;
      for (UserScramCredentialsDescription existing : describeScram(admin)) {
        for (ScramCredentialInfo info : existing.credentialInfos()) {
          boolean keep = scramUsers.contains(existing.name()) && info.mechanism() == ScramMechanism.SCRAM_SHA_256;
          if (!keep) changes.add(new UserScramCredentialDeletion(existing.name(), info.mechanism()));
          else passwordsReplaced = true;
        }
      }
      ScramCredentialInfo sha256 = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096);
      for (String user : scramUsers) {
        changes.add(new UserScramCredentialUpsertion(user, sha256, wanted.get(user)));
      }
      if (!changes.isEmpty()) admin.alterUserScramCredentials(changes).all().get(30, TimeUnit.SECONDS);

      List<AclBindingFilter> stale = new ArrayList<>();
      Set<AclBinding> missing = new HashSet<>(wantedAcls);
      for (AclBinding binding : admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS)) {
        if (!missing.remove(binding)) stale.add(binding.toFilter());
      }
      if (!stale.isEmpty()) admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
      if (!missing.isEmpty()) admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);

      // The controller has committed the changes; wait until the broker serves them too.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        Set<String> served = new HashSet<>();
        for (UserScramCredentialsDescription d : describeScram(admin)) {
          for (ScramCredentialInfo info : d.credentialInfos()) {
            if (info.mechanism() == ScramMechanism.SCRAM_SHA_256) served.add(d.name());
          }
        }
        Set<AclBinding> servedAcls =
            new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
        if (served.equals(scramUsers) && servedAcls.equals(wantedAcls)) break;
        if (System.nanoTime() > deadline) throw new IllegalStateException("the broker did not apply the user changes");
        Thread.sleep(50);
      }
      // a replaced password is not visible through the Admin API: give the broker a moment to apply it
      if (passwordsReplaced) Thread.sleep(300);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("user update failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
      System.exit(1);
    }
  }
}
`;
