package io.paysuite.sandbox;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox control API of shared/API.md. Scans and bills need the channels, which are not here yet. */
@RestController
@RequestMapping("/sandbox/v1")
class SandboxControlController {

    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();

    @PostMapping("/faults")
    ResponseEntity<FaultRule> addFault(@Valid @RequestBody FaultRule rule) {
        faults.add(rule);
        return ResponseEntity.status(HttpStatus.CREATED).body(rule);
    }

    @GetMapping("/faults")
    List<FaultRule> faults() {
        return List.copyOf(faults);
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/scan")
    ResponseEntity<Map<String, String>> scan(@RequestBody Map<String, String> body) {
        return notYet("no channel order behind " + body.get("code_url"));
    }

    @GetMapping("/bills/{channel}/{day}")
    ResponseEntity<Map<String, String>> bill(@PathVariable String channel, @PathVariable String day) {
        return notYet("no bill for " + channel + " on " + day);
    }

    private static ResponseEntity<Map<String, String>> notYet(String message) {
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED)
                .body(Map.of("code", "NOT_IMPLEMENTED", "message", message + ": channel protocols are not in the sandbox yet"));
    }
}
