package io.paysuite.cashier.ops.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes the audit log: one line per ops request that changes something, one per console login, refused login and
 * logout. Secrets never reach it: {@code password}, {@code private_key*} and {@code token} fields of a body read
 * {@code "***"}. Bodies are cut to {@value #MAX_TEXT} characters (the line says what was asked and answered, it is not
 * an archive of payloads).
 *
 * <p>A line that cannot be written is an ALARM in the log, not a refused request: by then the change has happened in
 * the service that owns it, and refusing the answer would only hide that it did.
 */
public class OpsAudit {

    private static final Logger log = LoggerFactory.getLogger(OpsAudit.class);
    static final int MAX_TEXT = 4000;
    private static final Set<String> SECRET_FIELDS = Set.of("password", "private_key", "private_key_pem", "token", "secret");
    private static final Pattern SECRET_TEXT = Pattern.compile("(?i)(\"(?:password|private_key(?:_pem)?|token|secret)\"\\s*:\\s*)\"[^\"]*\"");

    public enum Action { REQUEST, LOGIN, LOGIN_REFUSED, LOGOUT }

    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final Clock clock;

    public OpsAudit(AuditLog auditLog, ObjectMapper json, Clock clock) {
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
    }

    /** A request that changed (or tried to change) something, as it ended. */
    public void request(String actor, String role, HttpServletRequest request, byte[] requestBody, int status, byte[] responseBody) {
        Object templateVars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String targets = templateVars instanceof Map<?, ?> vars && !vars.isEmpty() ? cut(text(vars)) : null;
        write(new AuditEntry.Draft(clock.instant(), actor, role, Action.REQUEST.name(), request.getMethod(), request.getRequestURI(),
                targets, redact(requestBody), status, redact(responseBody), state(request.getAttribute(AuditNotes.BEFORE)),
                state(request.getAttribute(AuditNotes.AFTER)), request.getRemoteAddr()));
    }

    /** A console login, refused login or logout; {@code detail} says why a login was refused. */
    public void session(Action action, String actor, String role, HttpServletRequest request, int status, String detail) {
        write(new AuditEntry.Draft(clock.instant(), actor == null || actor.isBlank() ? "?" : cut64(actor), role == null ? "-" : role,
                action.name(), request.getMethod(), request.getRequestURI(), null, null, status, detail, null, null,
                request.getRemoteAddr()));
    }

    private void write(AuditEntry.Draft draft) {
        try {
            auditLog.append(draft);
        } catch (RuntimeException e) {
            log.error("ALARM: audit line not written ({} {} {} by {} -> {}): {}", draft.action(), draft.method(), draft.path(),
                    draft.actor(), draft.status(), e.toString());
        }
    }

    String redact(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode tree = json.readTree(text);
            if (tree != null && tree.isContainerNode()) {
                mask(tree);
                return cut(json.writeValueAsString(tree));
            }
        } catch (JsonProcessingException notJson) {
            // not JSON: mask by pattern below
        }
        return cut(SECRET_TEXT.matcher(text).replaceAll("$1\"***\""));
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : SECRET_FIELDS) {
                if (object.has(field)) {
                    object.put(field, "***");
                }
            }
            object.elements().forEachRemaining(OpsAudit::mask);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(OpsAudit::mask);
        }
    }

    private String state(Object state) {
        if (state == null) {
            return null;
        }
        return state instanceof String s ? cut(s) : cut(text(state));
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static String cut64(String text) {
        String clean = text.strip();
        return clean.length() <= 64 ? clean : clean.substring(0, 64);
    }
}
