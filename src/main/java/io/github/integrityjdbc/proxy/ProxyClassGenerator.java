package io.github.integrityjdbc.proxy;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * <p>Classes are defined through a {@link MethodHandles.Lookup} in this package, so they may use the package-private
 * members of the bases.
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
                return constructorOf(generate(base, jdbcType, delegateClass));
            }
        };
    }

    static Class<?> generate(Class<?> base, Class<?> jdbcType, Class<?> delegateClass) {
        Implementation.Composable delegateCall = MethodCall.invokeSelf().onField("delegate").withAllArguments()
                .withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC);
        ElementMatcher.Junction<MethodDescription> open = isAbstract().or(isDefaultMethod());
        var builder = BYTE_BUDDY
                .subclass(base, ConstructorStrategy.Default.IMITATE_SUPER_CLASS)
                .name(base.getName() + "$" + delegateClass.getSimpleName() + "$" + SEQUENCE.incrementAndGet())
                .modifiers(Visibility.PUBLIC, net.bytebuddy.description.modifier.TypeManifestation.FINAL)
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
        return builder.make().load(base.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(LOOKUP)).getLoaded();
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
                .make().load(ProxyConstructor.class.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(LOOKUP))
                .getLoaded();
        try {
            return (ProxyConstructor) factory.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate the generated " + factory.getName(), e);
        }
    }
}
