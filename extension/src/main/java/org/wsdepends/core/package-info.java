/**
 * The container-free core of wsdepends: handshake parsing, conversion and validation with
 * FastAPI's error shapes, the dependency graph and its scopes and cleanup. Nothing here imports
 * {@code jakarta.enterprise} or {@code jakarta.websocket}; the CDI extension translates container
 * objects into these types. Internal: API stability is <b>not</b> guaranteed.
 */
package org.wsdepends.core;
