package dev.podbot.stats;

import java.util.List;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.Pod;

/** A charger as the stats name it: its display name and PPID (either may be missing for an unknown charger). */
public record ChargerRef(String name, String ppid) {

    /** The charger a charge belongs to, from the account's chargers; an unknown one is named by what the charge says. */
    public static ChargerRef of(Charge c, List<Pod> pods) {
        for (Pod p : pods) {
            if (c.belongsTo(p)) {
                String name = p.displayName();
                return new ChargerRef(name == null ? String.valueOf(p.unitId()) : name, p.ppid());
            }
        }
        if (c.ppid() != null) {
            return new ChargerRef(c.ppid(), c.ppid());
        }
        return new ChargerRef(c.podId() == null ? "Charger" : "Charger " + c.podId(), null);
    }

    /** The chart legend's label: the name, or the PPID when there is no other name. */
    public String label() {
        return name == null || name.isBlank() ? (ppid == null ? "Charger" : ppid) : name;
    }
}
