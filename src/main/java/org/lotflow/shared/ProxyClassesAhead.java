package org.lotflow.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.autoproxy.AbstractAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.target.EmptyTargetSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.util.ClassUtils;

/**
 * The CGLIB proxy classes of lotflow's transactional beans made on a thread of their own (issue #11,
 * target 6: start-up). Spring proxies each bean with {@code @Transactional} methods (about 90) by
 * generating a subclass with CGLIB when the bean is made, on the main thread: 3.4 s of a cold start
 * (JFR, 2026-12-04). CGLIB keeps each generated class in its cache under the proxy's shape (superclass,
 * interfaces, callbacks, the advisors' advice classes and pointcuts), the cache Spring's own
 * {@code AbstractAutoProxyCreator.determineBeanType} fills ahead of a bean. This does the same from a
 * second thread: once the main thread makes lotflow's first bean (the advisors exist by then), it takes
 * the application's bean definitions, last first, and for each not yet made builds the proxy class the
 * auto-proxy creator will build, with the creator's settings ({@code ProxyFactory.copyFrom}), the
 * advisors that apply to the class, sorted as the creator sorts them, and an empty static target. When
 * the main thread then proxies the bean, CGLIB finds the class and only instantiates it; where the shape
 * differs (another advisor, a class the creator does not proxy), the main thread makes its own as before.
 * Nothing else is shared: no bean is made, looked up or changed from the second thread, and which beans are
 * proxied, with which advice, is decided by the auto-proxy creator alone. After the singletons are made,
 * the log says how many of the classes made ahead were used. {@code lotflow.startup.proxy-classes-ahead=false}
 * switches this off ({@link StartupConfiguration}).
 */
public final class ProxyClassesAhead implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton,
        Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProxyClassesAhead.class);
    private static final String APPLICATION_PACKAGE = "org.lotflow.";

    private ConfigurableListableBeanFactory beans;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Map<String, Class<?>> made = new ConcurrentHashMap<>();

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory instanceof ConfigurableListableBeanFactory c ? c : null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (!started.get() && bean.getClass().getName().startsWith(APPLICATION_PACKAGE) && started.compareAndSet(false, true)) {
            start();
        }
        return bean;
    }

    /** On the main thread: the creator, the advisors made so far and the bean classes; then the thread. */
    private void start() {
        if (!(beans instanceof AbstractBeanFactory factory)) {
            return;
        }
        AbstractAutoProxyCreator creator = null;
        for (BeanPostProcessor processor : factory.getBeanPostProcessors()) {
            if (processor instanceof AbstractAutoProxyCreator c) {
                creator = c;
                break;
            }
        }
        if (creator == null || !creator.isProxyTargetClass() || creator.isFrozen()) {
            return;
        }
        List<Advisor> advisors = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(Advisor.class, true, false)) {
            if (beans.containsSingleton(name) && beans.getSingleton(name) instanceof Advisor advisor) {
                advisors.add(advisor);
            }
        }
        List<String[]> targets = new ArrayList<>();
        for (String name : beans.getBeanDefinitionNames()) {
            BeanDefinition definition = beans.getBeanDefinition(name);
            String type = definition.getBeanClassName();
            if (type != null && type.startsWith(APPLICATION_PACKAGE) && definition.isSingleton()
                    && !definition.isAbstract() && !definition.isLazyInit() && definition.getFactoryMethodName() == null
                    && !beans.containsSingleton(name)) {
                targets.add(new String[] {name, type});
            }
        }
        if (advisors.isEmpty() || targets.isEmpty()) {
            return;
        }
        Collections.reverse(targets); // the main thread makes them first to last
        ClassLoader loader = beans.getBeanClassLoader();
        AbstractAutoProxyCreator settings = creator;
        Thread thread = new Thread(() -> makeAll(settings, List.copyOf(advisors), targets, loader), "proxy-classes");
        thread.setDaemon(true);
        thread.start();
    }

    private void makeAll(AbstractAutoProxyCreator creator, List<Advisor> advisors, List<String[]> targets,
            ClassLoader loader) {
        for (String[] target : targets) {
            String name = target[0];
            if (beans.containsSingleton(name) || beans.isCurrentlyInCreation(name)) {
                continue;
            }
            try {
                Class<?> type = ClassUtils.forName(target[1], loader);
                List<Advisor> eligible = new ArrayList<>(AopUtils.findAdvisorsThatCanApply(advisors, type));
                if (eligible.isEmpty()) {
                    continue;
                }
                AnnotationAwareOrderComparator.sort(eligible);
                ProxyFactory factory = new ProxyFactory();
                factory.copyFrom(creator);
                factory.addAdvisors(eligible);
                factory.setTargetSource(EmptyTargetSource.forClass(type));
                factory.setPreFiltered(true);
                made.put(name, factory.getProxyClass(loader));
            } catch (Throwable e) {
                log.debug("No proxy class made ahead for {}", name, e);
            }
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (made.isEmpty()) {
            return;
        }
        int used = 0;
        for (Map.Entry<String, Class<?>> entry : made.entrySet()) {
            if (beans.containsSingleton(entry.getKey())
                    && beans.getSingleton(entry.getKey()).getClass() == entry.getValue()) {
                used++;
            }
        }
        log.info("Proxy classes made ahead: {} of {} used", used, made.size());
        made.clear();
    }
}
