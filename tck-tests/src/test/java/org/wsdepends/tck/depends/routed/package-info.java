/** Endpoints of this package run the "package" mark first: FastAPI's router-level dependencies. */
@Depends(RouterMark.class)
package org.wsdepends.tck.depends.routed;

import org.wsdepends.Depends;
