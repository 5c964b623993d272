package io.paysuite.cashier.ops.operator;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.ops.audit.AuditNotes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators for admins ({@code /ops/api/v1/operators}, ADMIN by {@link OpsPermissions}), and {@code GET /me}: who the
 * caller is, with the CSRF token its console pages send back.
 */
@RestController
@RequestMapping(path = "/ops/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class OperatorController {

    public record MeView(String loginName, String role, boolean system, String csrfToken) {
    }

    private final Operators operators;

    public OperatorController(Operators operators) {
        this.operators = operators;
    }

    @GetMapping("/me")
    public MeView me(HttpServletRequest request) {
        OpsPrincipal me = OpsPrincipal.of(request);
        return new MeView(me.name(), me.role().name(), me.system(), me.csrfToken());
    }

    @GetMapping("/operators")
    public List<Operator.OperatorView> list() {
        return operators.list().stream().map(Operator::view).toList();
    }

    /** {@code {"login_name", "display_name", "role", "password"}}. */
    @PostMapping("/operators")
    public ResponseEntity<Operator.OperatorView> create(@RequestBody(required = false) byte[] raw, HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        Operator created = operators.create(new Operators.NewOperator(body.text("login_name"), body.optionalText("display_name"),
                role(body.text("role")), body.text("password")), OpsPrincipal.of(request).name());
        AuditNotes.after(request, created.view());
        return ResponseEntity.status(HttpStatus.CREATED).body(created.view());
    }

    /**
     * {@code {"role"?, "status"? (ACTIVE | DISABLED), "password"?}}: what is given changes. The audit line keeps the
     * operator's view before and after (role, status, lock; never the password or its hash).
     */
    @PostMapping("/operators/{loginName}")
    public Operator.OperatorView change(@PathVariable("loginName") String loginName, @RequestBody(required = false) byte[] raw,
                                        HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        AuditNotes.before(request, operators.get(loginName).view());
        String role = body.optionalText("role");
        String status = body.optionalText("status");
        String password = body.optionalText("password");
        if (password != null) {
            operators.resetPassword(loginName, password);
        }
        OperatorStatus newStatus;
        try {
            newStatus = status == null ? null : OperatorStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw body.invalid("status", "must be ACTIVE or DISABLED");
        }
        Operator.OperatorView after = operators.change(loginName, role == null ? null : role(role), newStatus).view();
        AuditNotes.after(request, after);
        return after;
    }

    private static OperatorRole role(String text) {
        try {
            return OperatorRole.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, "role must be VIEWER, OPERATOR or ADMIN");
        }
    }
}
