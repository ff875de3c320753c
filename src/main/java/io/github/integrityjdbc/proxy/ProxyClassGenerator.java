package io.github.integrityjdbc.proxy;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.loading.MultipleParentClassLoader;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isDefaultMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Generates the proxy classes with Byte Buddy; the only class that imports it.
 *
 * <p>A proxy class extends one of the hand-written abstract bases ({@code ConnectionProxy}, {@code StatementProxy},
 * ...). Every method the base leaves open (abstract, or an interface default the base does not override) becomes
 * {@code return this.delegate.method(args)}: one plain interface call, no reflection. PreparedStatement value setters
 * additionally record the bound value: {@code delegate.setX(i, v); this.bind(i, v)}. Hand-written methods are
 * {@code final} in the bases and never touched.
 *
 * <p>Classes are defined through a {@link MethodHandles.Lookup} in this package. When the delegate's class loader has
 * interfaces that this one cannot see, they are defined in a loader that sees both, and use only the public and
 * protected members of the bases.
 */
final class ProxyClassGenerator {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy();

    private ProxyClassGenerator() {
    }

    /** A per-delegate-class cache of constructors of proxies of {@code base} for the JDBC type {@code jdbcType}. */
    static ClassValue<ProxyConstructor> cache(Class<?> base, Class<?> jdbcType) {
        return new ClassValue<>() {
            @Override
            protected ProxyConstructor computeValue(Class<?> delegateClass) {
                return proxyConstructor(base, jdbcType, delegateClass);
            }
        };
    }

    /**
     * The constructor of the proxy class for {@code delegateClass}. The class also implements the delegate's own
     * public interfaces, so that a cast to {@code org.postgresql.PGConnection} keeps working. An interface that
     * cannot be implemented by plain delegation is left out (one that redeclares a hand-written method such as
     * {@code createStatement} with a narrower return type, or a module that does not export it); unwrap still
     * reaches the delegate's implementation of it.
     */
    static ProxyConstructor proxyConstructor(Class<?> base, Class<?> jdbcType, Class<?> delegateClass) {
        List<Class<?>> vendorInterfaces = vendorInterfaces(base, delegateClass);
        while (!vendorInterfaces.isEmpty()) {
            try {
                Class<?> proxyClass = generate(base, jdbcType, delegateClass, vendorInterfaces);
                List<Class<?>> incomplete = leftAbstract(proxyClass, vendorInterfaces);
                if (incomplete == null) {
                    return constructorOf(proxyClass);
                }
                if (incomplete.isEmpty()) {
                    break;
                }
                vendorInterfaces = new ArrayList<>(vendorInterfaces);
                vendorInterfaces.removeAll(incomplete);
            } catch (RuntimeException | LinkageError e) {
                break;
            }
        }
        return constructorOf(generate(base, jdbcType, delegateClass, List.of()));
    }

    /**
     * Null when every method of {@code proxyClass} is implemented; otherwise the vendor interfaces that declare or
     * inherit a method it leaves abstract (a call through them would fail with AbstractMethodError).
     */
    private static List<Class<?>> leftAbstract(Class<?> proxyClass, List<Class<?>> vendorInterfaces) {
        List<Class<?>> incomplete = null;
        for (Method method : proxyClass.getMethods()) {
            if (Modifier.isAbstract(method.getModifiers())) {
                incomplete = incomplete == null ? new ArrayList<>() : incomplete;
                for (Class<?> vendor : vendorInterfaces) {
                    if (method.getDeclaringClass().isAssignableFrom(vendor) && !incomplete.contains(vendor)) {
                        incomplete.add(vendor);
                    }
                }
            }
        }
        return incomplete;
    }

    /** Public interfaces of the delegate class and its superclasses that the base does not already implement. */
    static List<Class<?>> vendorInterfaces(Class<?> base, Class<?> delegateClass) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> type = delegateClass; type != null && type != Object.class; type = type.getSuperclass()) {
            collectInterfaces(type, found);
        }
        List<Class<?>> vendor = new ArrayList<>();
        for (Class<?> candidate : found) {
            if (Modifier.isPublic(candidate.getModifiers()) && !candidate.isAssignableFrom(base)) {
                vendor.add(candidate);
            }
        }
        return vendor;
    }

    private static void collectInterfaces(Class<?> type, Set<Class<?>> found) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (found.add(implemented)) {
                collectInterfaces(implemented, found);
            }
        }
    }

    private static boolean visibleFrom(ClassLoader loader, Class<?> type) {
        try {
            return Class.forName(type.getName(), false, loader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Class<?> generate(Class<?> base, Class<?> jdbcType, Class<?> delegateClass,
                                     List<Class<?>> vendorInterfaces) {
        Implementation.Composable delegateCall = MethodCall.invokeSelf().onField("delegate").withAllArguments()
                .withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC);
        ElementMatcher.Junction<MethodDescription> open = isAbstract().or(isDefaultMethod());
        var builder = BYTE_BUDDY
                .subclass(base, ConstructorStrategy.Default.IMITATE_SUPER_CLASS)
                .name(base.getName() + "$" + delegateClass.getSimpleName() + "$" + SEQUENCE.incrementAndGet())
                .modifiers(Visibility.PUBLIC, net.bytebuddy.description.modifier.TypeManifestation.FINAL)
                .implement(vendorInterfaces)
                .method(open).intercept(delegateCall);
        if (PreparedStatement.class.isAssignableFrom(jdbcType)) {
            // Later rules take precedence over earlier ones in Byte Buddy.
            ElementMatcher.Junction<MethodDescription> setter = open.and(isDeclaredBy(PreparedStatement.class))
                    .and(nameStartsWith("set")).and(takesArgument(0, int.class))
                    .and(takesArguments(2).or(takesArguments(3)).or(takesArguments(4)));
            ElementMatcher.Junction<MethodDescription> sizedStream = setter.and(takesArguments(3))
                    .and(takesArgument(1, InputStream.class).or(takesArgument(1, Reader.class)))
                    .and(takesArgument(2, int.class).or(takesArgument(2, long.class)));
            // A driver that rejects the value already in the setter (Derby, HSQLDB: out of range) gets it explained.
            Advice bindFailure = Advice.to(BindFailureAdvice.class);
            builder = builder
                    .method(setter).intercept(bindFailure.wrap(delegateCall.andThen(MethodCall.invoke(named("bind"))
                            .withArgument(0, 1).withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC))))
                    .method(sizedStream).intercept(bindFailure.wrap(delegateCall.andThen(
                            MethodCall.invoke(named("bindStream")).withArgument(0, 1, 2)
                                    .withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC))));
        }
        var unloaded = builder.make();
        if (allVisibleFrom(base.getClassLoader(), vendorInterfaces)) {
            // The usual case: defined beside the bases, in this package of this class loader.
            return unloaded.load(base.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(LOOKUP)).getLoaded();
        }
        // The driver's interfaces are not visible from here (the driver sits in a class loader of its own): define
        // the proxy in a new loader that sees both the bases and them, the driver's first so that its interfaces win
        // over same-named ones of this loader. The proxy then uses only public and protected members of the bases.
        ClassLoader both = new MultipleParentClassLoader.Builder()
                .append(vendorInterfaces.toArray(new Class<?>[0]))
                .append(base)
                .build();
        if (!visibleFrom(both, base) || !allVisibleFrom(both, vendorInterfaces)) {
            throw new IllegalStateException("No class loader sees both " + base.getName() + " and the interfaces of "
                    + delegateClass.getName() + " as they are");
        }
        return unloaded.load(both, ClassLoadingStrategy.Default.WRAPPER).getLoaded();
    }

    private static boolean allVisibleFrom(ClassLoader loader, List<Class<?>> types) {
        for (Class<?> type : types) {
            if (!visibleFrom(loader, type)) {
                return false;
            }
        }
        return true;
    }

    /** A lookup that defines classes beside {@code proxyClass}: in its package and its class loader. */
    private static MethodHandles.Lookup lookupIn(Class<?> proxyClass) {
        if (proxyClass.getClassLoader() == LOOKUP.lookupClass().getClassLoader()) {
            return LOOKUP;
        }
        try {
            return MethodHandles.privateLookupIn(proxyClass, LOOKUP);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot define a constructor beside " + proxyClass.getName(), e);
        }
    }

    /**
     * Inlined around every generated setter: when the delegate throws an SQLException, the value is recorded and the
     * exception replaced by what {@code PreparedStatementProxy.bindFailed} returns. Nothing runs but a null check when
     * the setter returns normally.
     */
    static final class BindFailureAdvice {

        private BindFailureAdvice() {
        }

        @Advice.OnMethodExit(onThrowable = SQLException.class)
        static void exit(@Advice.This PreparedStatementProxy proxy, @Advice.Argument(0) int index,
                         @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object value,
                         @Advice.Thrown(readOnly = false, typing = Assigner.Typing.DYNAMIC) Throwable thrown) {
            if (thrown instanceof SQLException) {
                thrown = proxy.bindFailed((SQLException) thrown, index, value);
            }
        }
    }

    private static ProxyConstructor constructorOf(Class<?> proxyClass) {
        Constructor<?> constructor = proxyClass.getDeclaredConstructors()[0];
        Class<?> factory = BYTE_BUDDY
                .subclass(ProxyConstructor.class)
                .name(proxyClass.getName() + "$Constructor")
                .modifiers(Modifier.PUBLIC | Modifier.FINAL)
                .method(named("newProxy"))
                .intercept(MethodCall.construct(constructor).withAllArguments()
                        .withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC))
                .make().load(proxyClass.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookupIn(proxyClass)))
                .getLoaded();
        try {
            return (ProxyConstructor) factory.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate the generated " + factory.getName(), e);
        }
    }
}
