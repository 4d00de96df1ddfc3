package org.lotflow.security;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ProcessEngineElContext;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's side of {@link QueryExpressions}: an expression evaluated outside any process (a task query's or a
 * stored Tasklist filter's, which the engine evaluates without a variable scope) sees the engine's query functions
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, {@code dateTime()}) and the methods of the dates
 * they give, and nothing else: no bean of the application, no variable, no method of any other object (so no
 * reflection). A filter stored before {@link QueryExpressions} refused such expressions, or one written into the
 * database around lotflow, fails its query instead of running code in the name of whoever opens Tasklist (auditor
 * 2026-12-06 X4, X8). Expressions of lotflow's process models (listeners, delegates, conditions, timers) are evaluated
 * with their execution or task and see what they always saw.
 */
@Component
public class QueryExpressionLimits extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;

    public QueryExpressionLimits(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new Limited(applicationContext, configuration.getBeans()));
    }

    /** Spring's expression manager, with the limited context for an expression without a variable scope. */
    static final class Limited extends SpringExpressionManager {

        Limited(ApplicationContext applicationContext, java.util.Map<Object, Object> beans) {
            super(applicationContext, beans);
        }

        @Override
        protected ProcessEngineElContext createElContext(VariableScope variableScope) {
            if (variableScope != null) {
                return super.createElContext(variableScope);
            }
            ProcessEngineElContext context = new ProcessEngineElContext(functionMapper, new DatesOnly());
            context.putContext(org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory.class, expressionFactory);
            return context;
        }
    }

    /** Resolves no name and calls methods of dates only ({@code dateTime().plusDays(2).toDate()}). */
    static final class DatesOnly extends ELResolver {

        private final BeanELResolver dates = new BeanELResolver(true);

        private static boolean isDate(Object base) {
            return base instanceof org.joda.time.DateTime || base instanceof java.util.Date;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (isDate(base)) {
                return dates.invoke(context, base, method, paramTypes, params);
            }
            throw new MethodNotFoundException("A query's expression calls only the engine's query functions and the"
                    + " methods of the dates they give, not " + method);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            throw new PropertyNotFoundException("A query's expression reads no name or property (" + property + "):"
                    + " only the engine's query functions");
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            throw new PropertyNotFoundException("A query's expression sets nothing");
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }
}
