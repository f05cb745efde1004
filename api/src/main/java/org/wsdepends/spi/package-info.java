/**
 * Extension points implemented as CDI beans: {@link org.wsdepends.spi.ExceptionHandler} and
 * {@link org.wsdepends.spi.ParamConverter}. Stable: changes follow semantic versioning.
 */
package org.wsdepends.spi;
