package org.wsdepends.core;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the values wsdepends resolved for one dependant go: for each site (a field, a constructor,
 * initializer or producer parameter, a handler parameter) its member, position and the index of its
 * value among the dependant's resolved values. Built once at deployment; immutable, shared by all
 * connections.
 *
 * <p>The glue reads every value through a plan: the synthetic beans and producers by the injection
 * point CDI is serving ({@link #indexOf}), the fields wsdepends sets itself by {@link #fields()},
 * handler invokers by the indexes they were built with.
 */
public final class InjectionPlan {

    /** The position of a field site. */
    public static final int FIELD = -1;

    /** A plan with no sites. */
    public static final InjectionPlan EMPTY = new Builder().build();

    private final Map<Key, Integer> indexes;
    private final Field[] fields;
    private final int[] fieldIndexes;

    private InjectionPlan(Map<Key, Integer> indexes, List<Field> fields, List<Integer> fieldIndexes) {
        this.indexes = Map.copyOf(indexes);
        this.fields = fields.toArray(Field[]::new);
        this.fieldIndexes = fieldIndexes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param member   the injection point's member
     * @param position its parameter position, {@link #FIELD} for a field
     * @return the index of its value, {@code -1} if the site is not in this plan
     */
    public int indexOf(Member member, int position) {
        Integer index = indexes.get(new Key(member, position));
        return index == null ? -1 : index;
    }

    /** @return the field sites, parallel to {@link #fieldIndexes()}; callers must not modify it */
    public Field[] fields() {
        return fields;
    }

    /** @return for each of {@link #fields()}, the index of its value; callers must not modify it */
    public int[] fieldIndexes() {
        return fieldIndexes;
    }

    /** Collects sites in the order their values are resolved. */
    public static final class Builder {
        private final Map<Key, Integer> indexes = new HashMap<>();
        private final List<Field> fields = new ArrayList<>();
        private final List<Integer> fieldIndexes = new ArrayList<>();

        /**
         * @param member   the member, {@code null} for an input no injection point receives (a class-level
         *                 {@code @Depends})
         * @param position the parameter position, {@link #FIELD} for a field
         * @param index    the index of its value
         * @return this
         */
        public Builder add(Member member, int position, int index) {
            if (member != null) {
                indexes.put(new Key(member, position), index);
                if (member instanceof Field field) {
                    fields.add(field);
                    fieldIndexes.add(index);
                }
            }
            return this;
        }

        /** @return the plan */
        public InjectionPlan build() {
            return new InjectionPlan(indexes, fields, fieldIndexes);
        }
    }

    private record Key(Member member, int position) {
    }
}
