package org.lotflow.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * A hook around every call of the engine's writable identity session ({@link WritableIdentityProvider}: save and
 * delete users, groups, tenants, memberships), whichever surface made it (Admin, {@code /engine-rest}, the Java
 * API). Used by the login cache ({@link CredentialCache}, emptied on any change) and the security audit trail
 * ({@link IdentityChangeAudit}, one event per change).
 */
final class IdentitySessionHook {

    /** Runs around one call: {@code proceed} makes it (and throws what it throws). */
    @FunctionalInterface
    interface Around {
        Object invoke(Method method, Object[] args, Call proceed) throws Throwable;
    }

    /** The wrapped call. */
    @FunctionalInterface
    interface Call {
        Object proceed() throws Throwable;
    }

    private IdentitySessionHook() {
    }

    /** Installs {@code around} once per {@code owner} (a second call for the same owner changes nothing). */
    static void install(ProcessEngineConfigurationImpl configuration, Object owner, Around around) {
        Map<Class<?>, SessionFactory> factories = configuration.getSessionFactories();
        SessionFactory writable = factories.get(WritableIdentityProvider.class);
        if (writable == null) {
            return;
        }
        for (SessionFactory f = writable; f instanceof Hooked hooked; f = hooked.delegate()) {
            if (hooked.owner() == owner) {
                return;
            }
        }
        factories.put(WritableIdentityProvider.class, new Hooked(writable, owner, around));
    }

    private record Hooked(SessionFactory delegate, Object owner, Around around) implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return WritableIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            Session session = delegate.openSession();
            return (Session) Proxy.newProxyInstance(IdentitySessionHook.class.getClassLoader(),
                    new Class<?>[] {WritableIdentityProvider.class}, (proxy, method, args) -> around.invoke(method, args,
                            () -> {
                                try {
                                    return method.invoke(session, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            }));
        }
    }
}
