package org.wsdepends.tck.validation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Query;

/** The application {@link MessageValidationTest} deploys. */
public final class MessageValidationApp {

    private MessageValidationApp() {
    }

    public static class Order {
        @NotBlank
        public String item;
        @Min(1)
        public int quantity;
        @Size(max = 3)
        public String note;
    }

    public record Receipt(String item, int quantity) {
    }

    @ServerEndpoint("/orders")
    public static class OrdersEndpoint {
        @OnMessage
        public Receipt order(@Valid Order order, @Query("shop") String shop) {
            return new Receipt(shop + ":" + order.item, order.quantity);
        }
    }
}
