package io.paysuite.kit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.paysuite.api.ApiVersion;
import io.paysuite.api.ReadOnly;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * The Dubbo conventions of docs/consumers.md as rules every service's {@code DubboConventionsTest}
 * applies to its own root package, so that a provider or a reference added later cannot miss them:
 * <ul>
 *   <li>every {@code @DubboService} exports under {@link ApiVersion#DUBBO} and no group (groups
 *       are the liveness ring's, which the kit exports itself);</li>
 *   <li>every {@code @DubboReference} asks for {@link ApiVersion#DUBBO}, names its timeout and has
 *       {@code retries = 0}; a method-level {@code @Method(retries > 0)} is allowed only on a
 *       method the interface marks {@link ReadOnly} — a write that timed out may have happened,
 *       and only its caller, under its business key, decides whether to repeat it.</li>
 * </ul>
 * References built in code ({@code ReferenceConfig}: the kit's probe, the launcher's demo seed,
 * the integration tests' harness) are not annotations; their own tests check them.
 *
 * <p>ArchUnit rather than a hand-made classpath scan: it is already every service's test
 * dependency, imports exactly the classes {@code LayeringTest} does, and names each offending
 * member in its report.
 */
public final class DubboConventions {

    /** Dubbo's "not set" for {@code timeout} and {@code retries}. */
    private static final int UNSET = -1;

    private DubboConventions() {
    }

    /** Every {@code @DubboService} under {@code root} exports under {@link ApiVersion#DUBBO} and without a group. */
    public static ArchRule providersDeclareTheApiVersion(String root) {
        return classes().that().resideInAPackage(root + "..").and().areAnnotatedWith(DubboService.class)
                .should(new ArchCondition<JavaClass>("export under version " + ApiVersion.DUBBO + " and no group") {
                    @Override
                    public void check(JavaClass provider, ConditionEvents events) {
                        DubboService service = provider.reflect().getAnnotation(DubboService.class);
                        report(events, provider, problemsOf(service));
                    }
                })
                .allowEmptyShould(true)
                .as("every @DubboService of " + root + " exports under ApiVersion.DUBBO and no group");
    }

    /**
     * Every {@code @DubboReference} (on a {@code @Bean} method or a field) under {@code root} asks
     * for {@link ApiVersion#DUBBO}, names its timeout, and retries only {@link ReadOnly} methods.
     */
    public static ArchRule referencesDeclareVersionTimeoutAndNoRetries(String root) {
        return members().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areAnnotatedWith(DubboReference.class)
                .should(new ArchCondition<JavaMember>("ask for version " + ApiVersion.DUBBO
                        + ", name a timeout and retry only read-only methods") {
                    @Override
                    public void check(JavaMember member, ConditionEvents events) {
                        DubboReference reference = member.getAnnotationOfType(DubboReference.class);
                        report(events, member, problemsOf(reference, referredInterface(member, reference)));
                    }
                })
                .allowEmptyShould(true)
                .as("every @DubboReference of " + root + " asks for ApiVersion.DUBBO, names its timeout, "
                        + "has retries = 0 and retries only @ReadOnly methods");
    }

    static List<String> problemsOf(DubboService service) {
        List<String> problems = new ArrayList<>();
        if (!ApiVersion.DUBBO.equals(service.version())) {
            problems.add("version is '" + service.version() + "', not ApiVersion.DUBBO (" + ApiVersion.DUBBO + ")");
        }
        if (!service.group().isEmpty()) {
            problems.add("group is '" + service.group() + "'; business services are exported without a group");
        }
        return problems;
    }

    static List<String> problemsOf(DubboReference reference, Class<?> api) {
        List<String> problems = new ArrayList<>();
        if (!ApiVersion.DUBBO.equals(reference.version())) {
            problems.add("version is '" + reference.version() + "', not ApiVersion.DUBBO (" + ApiVersion.DUBBO + ")");
        }
        if (reference.timeout() == UNSET) {
            problems.add("no timeout: name it (5000 for most, 15000 where a channel is asked)");
        }
        if (reference.retries() != 0) {
            problems.add("retries is " + reference.retries() + ", not 0 (a write that timed out may have happened)");
        }
        for (org.apache.dubbo.config.annotation.Method method : reference.methods()) {
            if (method.retries() > 0 && !readOnly(api, method.name())) {
                problems.add("method '" + method.name() + "' retries " + method.retries()
                        + " but is not @ReadOnly on " + (api == null ? "the referred interface" : api.getSimpleName()));
            }
        }
        return problems;
    }

    private static boolean readOnly(Class<?> api, String name) {
        if (api == null) {
            return false;
        }
        List<Method> named = Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(name)).toList();
        return !named.isEmpty() && named.stream().allMatch(m -> m.isAnnotationPresent(ReadOnly.class));
    }

    /** The interface a reference refers to: its {@code interfaceClass}, else the type argument of {@code ReferenceBean<T>}, else the field's type. */
    private static Class<?> referredInterface(JavaMember member, DubboReference reference) {
        if (reference.interfaceClass() != void.class) {
            return reference.interfaceClass();
        }
        Type type;
        if (member instanceof JavaMethod method) {
            type = method.reflect().getGenericReturnType();
        } else if (member instanceof JavaField field) {
            Field reflected = field.reflect();
            type = reflected.getGenericType();
        } else {
            return null;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument) {
            return argument;
        }
        return type instanceof Class<?> plain && plain.isInterface() ? plain : null;
    }

    private static void report(ConditionEvents events, Object where, List<String> problems) {
        String name = where instanceof JavaClass c ? c.getName() : ((JavaMember) where).getFullName();
        if (problems.isEmpty()) {
            events.add(SimpleConditionEvent.satisfied(where, name + " follows the Dubbo conventions"));
        } else {
            events.add(SimpleConditionEvent.violated(where, name + ": " + String.join("; ", problems)));
        }
    }
}
