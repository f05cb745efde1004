/**
 * The portable CDI extension: it only wires. Its rules live in {@code org.wsdepends.core}, the
 * WebSocket side in {@code org.wsdepends.internal}. Only {@link org.wsdepends.extension.WsDependsExtension}
 * (the service entry) and {@link org.wsdepends.extension.DeploymentProblems} (what a failed deployment
 * throws) are meant to be seen by applications.
 *
 * <h2>The route of one handshake value</h2>
 * How {@code @Inject @Query("token") String token} in an endpoint reaches the user's code:
 * <pre>
 * deployment                          each connection
 * ----------                          ---------------
 * InjectionSites.of(endpoint)         WsDependsConfigurator.modifyHandshake
 *   | one Site per field/parameter       | HandshakeData (query, wanted headers, principal)
 *   v                                    v
 * EndpointAnalyzer ---------------->  WrappedEndpoint.onOpen
 *   Input per site (HandshakeParam     | Resolution.resolve(model.connection(), ...)
 *   or Dependency), and the            |   -> Object[] values, indexed as the plan says
 *   InjectionPlan: (member, position)  v
 *   -> index of the value            EndpointFactory.create(values)   (CdiEndpointFactory)
 *                                      | fields the plan lists: set directly
 *                                      | Handoff.bind(plan, values) while CDI runs:
 *                                      |   constructor/initializer parameters -> HandshakeValues bean
 *                                      |   @Depends producer parameters       -> DependsProducer
 *                                      |   each asks Handoff for the InjectionPoint it serves
 *                                      v
 *                                    handler parameters: HandlerMethod's invoker reads values[index]
 * </pre>
 * One mechanism carries every value: the plan says where, {@code Handoff}
 * holds the values while CDI creates something, and nothing is looked up by name at connection time.
 */
package org.wsdepends.extension;
