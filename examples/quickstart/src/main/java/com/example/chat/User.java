package com.example.chat;

public record User(String name) {
}
