package pena.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every help text as written in the commands' annotations: picocli passes descriptions through
 * String.format, so a bare '%' (as in "2 % of the budget") makes it print a warning before the
 * help and show the text unformatted. Read from the annotations, because the specs' descriptions
 * come back already past that step.
 */
class HelpTextTest {

    @Test
    void everyDescriptionIsAValidFormatString() {
        List<String> broken = new ArrayList<>();
        check(Main.commandLine(), broken);
        assertEquals(List.of(), broken, "descriptions with a bare '%' (write '%%')");
    }

    private static void check(CommandLine commandLine, List<String> broken) {
        CommandSpec spec = commandLine.getCommandSpec();
        List<Class<?>> classes = new ArrayList<>();
        classes.add(spec.userObject().getClass());
        spec.mixins().values().forEach(mixin -> classes.add(mixin.userObject().getClass()));
        for (Class<?> type : classes) {
            List<String> texts = new ArrayList<>();
            Command command = type.getAnnotation(Command.class);
            if (command != null) {
                texts.addAll(List.of(command.description()));
                texts.addAll(List.of(command.footer()));
            }
            Stream.concat(Stream.of(type.getDeclaredFields()), Stream.of(type.getDeclaredMethods()))
                    .forEach(member -> texts.addAll(descriptions(member)));
            for (String text : texts) {
                try {
                    String.format(text.replaceAll("\\$\\{[^}]*}", "x"));
                } catch (IllegalFormatException e) {
                    broken.add(spec.qualifiedName() + ": " + text);
                }
            }
        }
        commandLine.getSubcommands().values().forEach(sub -> check(sub, broken));
    }

    private static List<String> descriptions(AnnotatedElement member) {
        List<String> texts = new ArrayList<>();
        Option option = member.getAnnotation(Option.class);
        if (option != null) {
            texts.addAll(List.of(option.description()));
        }
        Parameters parameters = member.getAnnotation(Parameters.class);
        if (parameters != null) {
            texts.addAll(List.of(parameters.description()));
        }
        return texts;
    }
}
