package io.github.integrityjdbc.proxy;

/**
 * Implemented by a generated class per proxy class: a direct call of the proxy's constructor
 * {@code (delegate, owner)}, so that creating a proxy needs no reflection.
 */
public interface ProxyConstructor {

    Object newProxy(Object delegate, Object owner);
}
