package dev.podbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native-image readiness stays complete as the code grows: every Pod Point DTO record is registered for reflection,
 * and every Telegram Bot API object or method our code uses is listed in {@link NativeReflection}.
 */
class NativeReflectionTest {

    static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target", "classes"));

    static Set<String> registeredClasses() {
        RegisterForReflection r = NativeReflection.class.getAnnotation(RegisterForReflection.class);
        assertThat(r.ignoreNested()).as("builders are nested classes").isFalse();
        return Arrays.stream(r.targets()).map(Class::getName).collect(Collectors.toSet());
    }

    @Test
    void everyPodPointModelRecordIsRegistered() {
        Set<String> registered = registeredClasses();
        Set<String> missing = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (c.getPackageName().equals("dev.podbot.podpoint.model") && c.isRecord()
                    && !c.isAnnotatedWith(RegisterForReflection.class) && !registered.contains(c.getName())) {
                missing.add(c.getName());
            }
        }
        assertThat(missing).as("model records without @RegisterForReflection").isEmpty();
        assertThat(MAIN.get("dev.podbot.podpoint.model.Pod").isAnnotatedWith(RegisterForReflection.class)).isTrue();
    }

    @Test
    void everyTelegramApiClassWeUseIsRegistered() {
        Set<String> registered = registeredClasses();
        Set<String> used = new TreeSet<>();
        for (JavaClass c : MAIN) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                // Foo$FooBuilder is covered by Foo (ignoreNested = false)
                String name = target.getName().replaceFirst("\\$.*$", "");
                if (name.startsWith("org.telegram.telegrambots.meta.api.objects.")
                        || name.startsWith("org.telegram.telegrambots.meta.api.methods.")) {
                    used.add(name);
                }
            }
        }
        used.removeAll(registered);
        assertThat(used).as("Telegram classes used under dev.podbot but missing from NativeReflection").isEmpty();
        assertThat(registered).contains("org.telegram.telegrambots.meta.api.objects.Update",
                "org.telegram.telegrambots.meta.api.methods.send.SendMessage");
    }
}
