// The witness of the XLSForm export: runs an XForm (made by pyxform from Sondeo's XLSForm) in JavaRosa,
// the engine inside ODK Collect, with an answer plan, and prints what a Collect user would meet: each
// question in the order the form asks it (irrelevant ones are never reached), its label with piped
// values filled in, and whether the planned answer was accepted. The tests run the same plan in
// Sondeo's runtime and expect the same lines.
//
// Usage: java -cp ODK_Validate.jar:. JavaRosaReplay form.xml plan.txt [language, e.g. "English (en)"]
// plan.txt: one «variable=value» per line; a select_multiple takes codes separated by spaces; a date
// is yyyy-mm-dd. A variable given several times is tried in that order until an answer is kept.
// Output: «variable<TAB>label<TAB>statuses», each «ok», «restriccion» (constraint violated: the answer
// is not kept) or «requerida», comma-separated, or «-» when the plan does not answer it.
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.DateData;
import org.javarosa.core.model.data.DateTimeData;
import org.javarosa.core.model.data.TimeData;
import org.javarosa.core.model.data.DecimalData;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.IntegerData;
import org.javarosa.core.model.data.SelectMultiData;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.model.utils.DateUtils;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.model.xform.XFormsModule;
import org.javarosa.xform.util.XFormUtils;

public class JavaRosaReplay {
    public static void main(String[] args) throws Exception {
        new XFormsModule().registerModule();  // as ODK Collect does at start: jr:choice-name needs it
        FormDef form = XFormUtils.getFormFromInputStream(new FileInputStream(args[0]));
        Map<String, List<String>> plan = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new FileReader(args[1], java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq > 0) plan.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        form.initialize(true, new InstanceInitializationFactory());
        FormEntryModel model = new FormEntryModel(form);
        FormEntryController controller = new FormEntryController(model);
        if (args.length > 2) controller.setLanguage(args[2]);  // «English (en)»: the labels of that language
        StringBuilder out = new StringBuilder();
        int event;
        while ((event = controller.stepToNextEvent()) != FormEntryController.EVENT_END_OF_FORM) {
            if (event != FormEntryController.EVENT_QUESTION) continue;
            FormEntryPrompt prompt = model.getQuestionPrompt();
            if (prompt.isReadOnly()) continue;  // notes and labels for piped values
            String name = prompt.getIndex().getReference().getNameLast();
            List<String> statuses = new ArrayList<>();
            for (String value : plan.getOrDefault(name, new ArrayList<>())) {
                IAnswerData data = answer(prompt, value);
                // An option the form does not offer (a choice_filter left it out) cannot be chosen: refused.
                int result = data == null ? FormEntryController.ANSWER_CONSTRAINT_VIOLATED : controller.answerQuestion(prompt.getIndex(), data, true);
                statuses.add(result == FormEntryController.ANSWER_OK ? "ok"
                    : result == FormEntryController.ANSWER_CONSTRAINT_VIOLATED ? "restriccion" : "requerida");
                if (result == FormEntryController.ANSWER_OK) break;
            }
            String status = statuses.isEmpty() ? "-" : String.join(",", statuses);
            String label = prompt.getLongText();
            out.append(name).append('\t').append(label == null ? "" : label.replace('\n', ' ')).append('\t').append(status).append('\n');
        }
        System.out.print(out);
    }

    static IAnswerData answer(FormEntryPrompt prompt, String value) {
        int control = prompt.getControlType();
        if (control == Constants.CONTROL_SELECT_ONE) {
            for (SelectChoice choice : prompt.getSelectChoices()) {
                if (choice.getValue().equals(value)) return new SelectOneData(choice.selection());
            }
            return null;
        }
        if (control == Constants.CONTROL_SELECT_MULTI) {
            List<Selection> chosen = new ArrayList<>();
            for (String code : value.trim().split(" +")) {
                Selection found = null;
                for (SelectChoice choice : prompt.getSelectChoices()) {
                    if (choice.getValue().equals(code)) found = choice.selection();
                }
                if (found == null) return null;
                chosen.add(found);
            }
            return new SelectMultiData(chosen);
        }
        switch (prompt.getDataType()) {
            case Constants.DATATYPE_INTEGER: return new IntegerData(Integer.parseInt(value));
            case Constants.DATATYPE_DECIMAL: return new DecimalData(Double.parseDouble(value));
            case Constants.DATATYPE_DATE: return new DateData(DateUtils.parseDate(value));
            case Constants.DATATYPE_TIME: return new TimeData(DateUtils.parseTime(value));
            case Constants.DATATYPE_DATE_TIME: return new DateTimeData(DateUtils.parseDateTime(value));
            default: return new StringData(value);
        }
    }
}
