package io.paysuite.kit.access;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide view the two Dubbo filters read (Dubbo instantiates filters itself, outside
 * Spring): the secret each local application signs its calls with, and the rules of who may call
 * what. A Spring service fills it from {@code paysuite.internal-calls.*} at start-up
 * ({@link InternalCallsAutoConfiguration}); a plain Dubbo client (the launcher's demo seed, the
 * integration tests) registers itself with {@link #register}.
 *
 * <p>Fail closed: a provider with no secret configured refuses every guarded call.
 */
public final class InternalCallers {

    private static final Map<String, CallerProof> SIGNERS = new ConcurrentHashMap<>();
    private static volatile CallerProof verifier;
    private static volatile List<GuardedCall> rules = GuardedCall.DEFAULTS;

    private InternalCallers() {
    }

    /** Calls made by Dubbo application {@code application} in this process are signed with {@code secret}. */
    public static void register(String application, byte[] secret) {
        SIGNERS.put(application, new CallerProof(secret));
    }

    /** This process's providers check callers against {@code secret} and {@code guarded}. */
    public static void provide(byte[] secret, List<GuardedCall> guarded) {
        verifier = secret == null ? null : new CallerProof(secret);
        rules = List.copyOf(guarded);
    }

    /** The default rules, with {@code extraCallers} allowed on every guarded method too (test suites). */
    public static List<GuardedCall> defaultsWith(Set<String> extraCallers) {
        List<GuardedCall> widened = new ArrayList<>();
        for (GuardedCall rule : GuardedCall.DEFAULTS) {
            Set<String> callers = new HashSet<>(rule.callers());
            callers.addAll(extraCallers);
            widened.add(new GuardedCall(rule.service(), rule.methods(), callers));
        }
        return widened;
    }

    static Optional<CallerProof> signerOf(String application) {
        return Optional.ofNullable(application == null ? null : SIGNERS.get(application));
    }

    static Optional<CallerProof> verifier() {
        return Optional.ofNullable(verifier);
    }

    /** The rule guarding {@code service#method}, if one does. */
    static Optional<GuardedCall> ruleFor(String service, String method) {
        for (GuardedCall rule : rules) {
            if (rule.guards(service, method)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** What a refused guarded call answers: a stable code, nothing done. */
    static Result<Object> refused(String call) {
        return Result.fail(ErrorCode.CALLER_NOT_ALLOWED, call + " is not open to this caller");
    }

    /** Reads a secret file: Base64 of the secret's bytes, surrounding white space ignored. */
    public static byte[] readSecret(Path file) {
        try {
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the internal-call secret " + file, e);
        }
    }
}
